package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.Username;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns option text into domain values, with {@link InvalidInputException} naming the option on bad text
 * (exit code 4), so that a script learns which argument was wrong. Stateless; thread-safe.
 */
final class Values {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private Values() {}

    /** A username given for {@code option}. */
    static Username username(String text, String option) {
        try {
            return Username.of(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option, e.parameters().getOrDefault("problem", "not a valid username"));
        }
    }

    /** {@code value} if within {@code min} to {@code max}, else an error naming {@code option}. */
    static int range(int value, int min, int max, String option) {
        if (value < min || value > max) {
            throw new InvalidInputException(option, "must be " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    /** A permission: {@code administrator} or {@code set-passwords} (any case, {@code _} or {@code -}). */
    static Permission permission(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Permission p : Permission.values()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new InvalidInputException("permission", "must be administrator or set-passwords, not '" + text + "'");
    }

    /** A comma-separated list of permissions; {@code none} or empty for no permission. */
    static Set<Permission> permissions(String text) {
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        if (text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return set;
        }
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i == parts.length - 1 && parts[i].isEmpty()) {
                break; // a trailing comma, as before
            }
            set.add(permission(parts[i]));
        }
        return set;
    }

    /**
     * A duration like {@code 90d}, {@code 72h}, {@code 30m} or {@code 45s}, or an ISO-8601 duration
     * ({@code PT72H}); {@code none} (or {@code off}) for none.
     */
    static Optional<Duration> duration(String text, String option) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("none") || value.equals("off") || value.equals("until-reset")) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(
                    switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
        }
        try {
            return Optional.of(Duration.parse(text.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(
                    option, "not a duration (like 90d, 72h, 30m, PT1H30M, or none): '" + text + "'");
        }
    }
}
