package dev.locksmith.core.usecase;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;

/**
 * Issues a one-time password-reset link for another user and mails it to them: the stronger alternative to
 * emailing a password (OWASP ASVS 2.5.1). Same authorization as {@link SetPassword} (administrators on local
 * users, privileged users on local non-administrators, never oneself or a provider user); mail must be
 * configured and the target must have an address, or nothing happens. The link carries 256 random bits; only
 * their SHA-256 is stored, with the target's identity, a fingerprint of its current password hash (any other
 * password change voids the link) and an expiry (one hour unless the host set another). The token reaches
 * nobody but the mail: not the caller, not the audit trail, not a log. Issuing changes nothing else: the
 * user's current password keeps working until the link is redeemed ({@link RedeemResetLink}).
 *
 * <p>The token is stored and the issue audited in one transaction; the mail is handed over last, before the
 * commit, so a refused hand-over leaves no token behind. Implementations are thread-safe.
 */
public interface IssueResetLink {
    /** Longest accepted reset page address. */
    public static final int MAX_PAGE_LENGTH = 2000;

    /**
     * The request.
     *
     * @param resetPage absolute http or https address of the page that redeems links (the host's); the token
     *     is appended as the query parameter {@code token}
     */
    public record Command(Username actor, Username target, URI resetPage) {
        public Command {
            InvalidInputException.requireNonNull(actor, "actor");
            InvalidInputException.requireNonNull(target, "target");
            InvalidInputException.requireNonNull(resetPage, "resetPage");
            String text = resetPage.toString();
            if (!resetPage.isAbsolute()
                    || resetPage.getHost() == null
                    || !("http".equalsIgnoreCase(resetPage.getScheme())
                            || "https".equalsIgnoreCase(resetPage.getScheme()))) {
                throw new InvalidInputException("resetPage", "must be an absolute http or https address");
            }
            if (resetPage.getRawFragment() != null
                    || text.length() > MAX_PAGE_LENGTH
                    || text.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
                throw new InvalidInputException(
                        "resetPage",
                        "must have no fragment, no spaces or control characters," + " and at most " + MAX_PAGE_LENGTH
                                + " characters");
            }
        }

        /**
         * A command from the host's raw page address.
         *
         * @throws InvalidInputException when {@code resetPage} is not an absolute http or https address
         */
        public static Command of(Username actor, Username target, String resetPage) {
            InvalidInputException.requireNonNull(resetPage, "resetPage");
            try {
                return new Command(actor, target, new URI(resetPage));
            } catch (URISyntaxException e) {
                throw new InvalidInputException("resetPage", "is not an address");
            }
        }
    }

    /** What was done: the link was mailed to {@code to} and works until {@code expiresAt}. */
    public record Result(Username target, EmailAddress to, Instant expiresAt) {
        public Result {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * Issues the link and mails it.
     *
     * @throws dev.locksmith.core.domain.AccessDeniedException when the matrix refuses (as for set-password)
     * @throws dev.locksmith.core.domain.NotFoundException when the target does not exist
     * @throws MailException when mail is not configured, the target has no address, or delivery failed
     *     (nothing stored)
     * @throws UnavailableException {@code UNAVAILABLE} when the host configured no reset-token store
     */
    Result execute(Command command);
}
