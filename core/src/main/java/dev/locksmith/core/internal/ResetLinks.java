package dev.locksmith.core.internal;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.ResetTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tokens of one-time reset links: 256 random bits written as 43 base64url characters, stored only as
 * their SHA-256. Stateless apart from its {@link SecureRandom}; thread-safe.
 */
public final class ResetLinks {
    /** Random bits in a token. */
    public static final int TOKEN_BYTES = 32;

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResetLinks() {}

    /**
     * The store of reset-link tokens the host configured.
     *
     * @throws UnavailableException {@code UNAVAILABLE} when it configured none
     */
    public static ResetTokens requireStore(Optional<ResetTokens> tokens) {
        return tokens.orElseThrow(() -> new UnavailableException(
                Reason.UNAVAILABLE, "reset links are not configured (no reset-token store)", null));
    }

    /** A new random token. */
    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The stored form of a token.
     *
     * @throws InvalidInputException when {@code token} is not shaped like one (never echoing it)
     */
    public static String hash(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new InvalidInputException("token", "is not a reset link token");
        }
        return sha256(token);
    }

    /** The fingerprint of the user's current password hash (empty string hashed for a provider user). */
    public static String credential(User user) {
        return sha256(user.passwordHash().map(h -> h.value()).orElse(""));
    }

    /** {@code base} with the token appended as the {@code token} query parameter. */
    public static String link(String base, String token) {
        return base + (base.indexOf('?') >= 0 ? "&" : "?") + "token=" + token;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
