package dev.locksmith.cli;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Permission;
import dev.locksmith.core.domain.PolicyViolation;
import dev.locksmith.core.domain.PolicyViolationException;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import dev.locksmith.core.usecase.SearchUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plain-text renderings of the domain for people: errors with their reason, policy violations with their
 * parameters, login outcomes, the policy, search results with their row actions, the audit trail. Nothing
 * here ever receives a password. Stateless; thread-safe.
 */
final class Describe {
    private Describe() {}

    /** One sentence saying what a reason means. */
    static String reason(Reason reason) {
        return switch (reason) {
            case INVALID_INPUT -> "invalid input";
            case DENIED_ACTOR_UNKNOWN -> "denied: the acting user does not exist";
            case DENIED_ACTOR_DISABLED -> "denied: the acting user is disabled";
            case DENIED_PASSWORD_CHANGE_REQUIRED ->
                "denied: the acting user must change their own password first ('passwd')";
            case DENIED_NOT_PERMITTED -> "denied: the acting user does not hold the permission this needs";
            case DENIED_TARGET_IS_ADMINISTRATOR -> "denied: only an administrator may act on an administrator";
            case DENIED_TARGET_MANAGED_BY_PROVIDER -> "denied: the user's password is managed by a security provider";
            case DENIED_SELF_TARGET -> "denied: not on your own account; change your own password with 'passwd'";
            case DENIED_NOT_LOCAL -> "denied: your password is managed by a security provider";
            case DENIED_LAST_ADMINISTRATOR -> "denied: the appliance must keep an enabled administrator";
            case DENIED_SELF_ADMINISTRATION -> "denied: an administrator cannot delete or disable their own account";
            case DENIED_WRONG_CURRENT_PASSWORD -> "denied: the current password is wrong";
            case NOT_FOUND -> "not found";
            case POLICY_VIOLATED -> "the password breaks the password policy";
            case CONFLICT -> "conflict: someone else changed the user at the same time; try again";
            case ALREADY_EXISTS -> "conflict: the username is taken";
            case MAIL_NOT_CONFIGURED -> "mail is not configured (give --mail-config); nothing was changed";
            case MAIL_NO_ADDRESS -> "the user has no email address; nothing was changed";
            case MAIL_DELIVERY_FAILED -> "the mail server did not take the message; nothing was changed";
            case MAIL_OUTCOME_UNKNOWN -> "the mail server's final answer was lost: the message may have been sent";
            case HASH_UNSUPPORTED -> "unavailable: a stored password hash is unreadable or costs more than allowed";
            case BUSY -> "busy: too many password checks at once; try again";
            case PROVIDER_UNREACHABLE -> "unavailable: a directory (security provider) could not be reached";
            case UNAVAILABLE -> "unavailable: a backing system failed";
            case OUTCOME_UNKNOWN -> "outcome unknown: the connection was lost while committing; check before retrying";
        };
    }

    /** The lines of an error report: the reason, the message, then the violations or parameters. */
    static List<String> error(LocksmithException e) {
        List<String> lines = new ArrayList<>();
        lines.add(reason(e.reason()) + " [" + e.reason() + "]");
        if (e instanceof PolicyViolationException violated) {
            for (PolicyViolation v : violated.violations()) {
                lines.add("  - " + violation(v));
            }
            return lines;
        }
        if (e.getMessage() != null && !e.getMessage().isBlank()) {
            lines.add("  " + e.getMessage());
        }
        return lines;
    }

    /** A violation: its code, what it means, and its parameters. */
    static String violation(PolicyViolation v) {
        Map<String, String> p = v.parameters();
        String text = switch (v.code()) {
            case TOO_SHORT -> "shorter than " + p.getOrDefault("minimum", "?") + " characters";
            case TOO_LONG -> "longer than " + p.getOrDefault("maximum", "?") + " characters";
            case CONTROL_CHARACTERS -> "contains control characters";
            case NOT_COMPLEX ->
                "needs characters of at least " + p.getOrDefault("required", "?")
                        + " classes (upper case, lower case, digits, others)";
            case TOO_FEW_UPPERCASE -> "needs at least " + p.getOrDefault("minimum", "?") + " upper-case letters";
            case TOO_FEW_LOWERCASE -> "needs at least " + p.getOrDefault("minimum", "?") + " lower-case letters";
            case TOO_FEW_DIGITS -> "needs at least " + p.getOrDefault("minimum", "?") + " digits";
            case TOO_FEW_OTHER -> "needs at least " + p.getOrDefault("minimum", "?") + " other characters";
            case CONTAINS_USER_INFORMATION -> "contains the user's " + contextName(p.getOrDefault("context", "?"));
            case COMMON_PASSWORD -> "is a common or breached password";
            case BANNED_WORD -> "contains a word the administrator banned";
            case TOO_WEAK ->
                "too easy to guess: strength " + p.getOrDefault("score", "?") + " of 4, "
                        + p.getOrDefault("minimum", "?") + " needed";
            case SAME_AS_CURRENT -> "is the current password";
            case RECENTLY_USED -> "is one of the last " + p.getOrDefault("history", "?") + " passwords";
        };
        // The estimator's advice is a sentence: it goes last, quoted, after the short parameters.
        String parameters = new TreeMap<>(p)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("feedback"))
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
        String feedback = p.containsKey("feedback")
                ? (parameters.isEmpty() ? "" : "; ") + "feedback=\"" + p.get("feedback") + "\""
                : "";
        return v.code() + ": " + text
                + (parameters.isEmpty() && feedback.isEmpty() ? "" : " (" + parameters + feedback + ")");
    }

    private static String contextName(String context) {
        return switch (context) {
            case "username" -> "username";
            case "displayName" -> "display name";
            case "email" -> "email address";
            default -> context;
        };
    }

    /** A login outcome as {@code CODE: sentence}. */
    static String outcome(AuthenticationOutcome outcome) {
        if (outcome instanceof AuthenticationOutcome.Authenticated a) {
            return "AUTHENTICATED: " + a.username() + " is logged in"
                    + a.provider().map(p -> " (password checked by " + p + ")").orElse("");
        } else if (outcome instanceof AuthenticationOutcome.MustChangePassword m) {
            return "MUST_CHANGE_PASSWORD: the password is right, but " + m.username()
                    + " must change it before anything else (not logged in)";
        } else if (outcome instanceof AuthenticationOutcome.PasswordExpired e) {
            return "PASSWORD_EXPIRED: the password is right, but too old: " + e.username()
                    + " must change it before anything else (not logged in)";
        } else if (outcome instanceof AuthenticationOutcome.Rejected) {
            return "REJECTED: wrong username or password";
        } else if (outcome instanceof AuthenticationOutcome.ProviderUnavailable u) {
            return "PROVIDER_UNAVAILABLE: the directory"
                    + u.providerName().map(n -> " " + n).orElse("") + " could not be reached; try again later";
        } else if (outcome instanceof AuthenticationOutcome.TemporaryPasswordExpired) {
            return "TEMPORARY_PASSWORD_EXPIRED: the temporary password has expired; ask for a new one";
        } else if (outcome instanceof AuthenticationOutcome.Disabled) {
            return "DISABLED: the account is disabled";
        } else if (outcome instanceof AuthenticationOutcome.UseProvider p) {
            return "USE_PROVIDER: log in through the security provider " + p.providerName();
        }
        throw new IllegalArgumentException("unknown outcome " + outcome.getClass());
    }

    /** The policy, one setting per line. */
    static List<String> policy(PasswordPolicy p, String indent) {
        List<String> lines = new ArrayList<>();
        lines.add(indent + "length:                " + p.minLength() + " to " + p.maxLength() + " characters");
        lines.add(indent + "complex passwords:     "
                + (p.complex() ? "required (3 of 4 character classes)" : "not required"));
        if (p.minUppercase() + p.minLowercase() + p.minDigits() + p.minOther() > 0) {
            lines.add(indent + "class minimums:        upper " + p.minUppercase() + ", lower " + p.minLowercase()
                    + ", digits " + p.minDigits() + ", other " + p.minOther());
        }
        lines.add(indent + "banned words:          "
                + (p.bannedWords().isEmpty() ? "none" : String.join(", ", new TreeSet<>(p.bannedWords()))));
        lines.add(indent + "minimum strength:      " + (p.minStrength() == 0 ? "off" : p.minStrength() + " of 4"));
        lines.add(indent + "history:               "
                + (p.historySize() == 0 ? "differs from the current one" : "differs from the last " + p.historySize()));
        lines.add(indent + "maximum age:           "
                + p.maxAge().map(Describe::duration).orElse("none"));
        lines.add(indent + "temporary passwords:   "
                + p.temporaryLifetime().map(d -> "expire after " + duration(d)).orElse("never expire"));
        lines.add(indent + "lockout:               "
                + (p.lockoutThreshold() == 0
                        ? "off"
                        : "after " + p.lockoutThreshold() + " failed logins, "
                                + p.lockoutDuration()
                                        .map(d -> "for " + duration(d))
                                        .orElse("until reset")
                                + p.effectiveLockoutWindow()
                                        .map(d -> "; failures older than " + duration(d) + " no longer count")
                                        .orElse("")));
        lines.add(indent + "reset links:           work for " + duration(p.resetLinkLifetime()));
        return lines;
    }

    /** The search result as a table with each row's actions, and how to get the next page. */
    static List<String> search(SearchUsers.Result result, String indent) {
        return search(result, indent, Optional.empty());
    }

    /**
     * The search result; in the full view with {@code policy}, also when each password was set and when it
     * expires (a temporary password's lifetime, else the policy's maximum age).
     */
    static List<String> search(SearchUsers.Result result, String indent, Optional<PasswordPolicy> policy) {
        boolean dates = policy.isPresent();
        boolean full = result.view() == dev.locksmith.core.domain.Authorization.View.FULL;
        List<String> lines = new ArrayList<>();
        lines.add(indent + (full ? "Full view (administrator)" : "Limited view (allowed to set passwords)") + ", "
                + result.page().items().size() + " user(s):");
        // The columns as the cells below are added: every view's, the full view's, its dates, the actions.
        List<String> header =
                new ArrayList<>(List.of("USERNAME", "PUBLIC NAME", "PRIVATE NAME", "EMAIL", "FAILED", "SOURCE"));
        if (full) {
            header.addAll(List.of("PERMISSIONS", "ENABLED"));
            if (dates) {
                header.addAll(List.of("PASSWORD SET", "EXPIRES", "LAST LOGIN"));
            }
        }
        header.add("ACTIONS");
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (SearchUsers.Row row : result.page().items()) {
            List<String> cells = new ArrayList<>(List.of(
                    row.username().value(),
                    row.publicName(),
                    row.privateName(),
                    email(row.email()),
                    row.failedLogins()
                            + (row.locked()
                                    ? ", locked"
                                            + row.details()
                                                    .flatMap(SearchUsers.Details::lockedUntil)
                                                    .map(t -> " until " + date(t))
                                                    .orElse("")
                                    : ""),
                    source(row.source())));
            if (full) {
                SearchUsers.Details d = row.details().orElseThrow();
                cells.add(permissions(d.permissions()));
                cells.add(d.enabled() ? "yes" : "no");
                if (dates) {
                    cells.add(d.passwordChangedAt().map(Describe::date).orElse("-"));
                    cells.add(d.temporaryPasswordExpiresAt()
                            .or(() -> JsonViews.expiry(d.passwordChangedAt(), policy))
                            .map(Describe::date)
                            .orElse("-"));
                    cells.add(d.lastLoginAt().map(Describe::date).orElse("-"));
                }
            }
            cells.add(actions(row.affordances()));
            table.row(cells.toArray(String[]::new));
        }
        if (!table.isEmpty()) {
            lines.addAll(table.lines(indent));
        }
        result.page().nextCursor().ifPresent(c -> lines.add(indent + "More users: add --after " + c));
        return lines;
    }

    /** The change-password form. */
    static List<String> form(OpenChangePasswordForm.Result form, String indent) {
        List<String> lines = new ArrayList<>();
        lines.add(indent + "Change the password of " + form.username());
        String in = indent + "  ";
        lines.add(field(in, "username", form.username().value()));
        lines.add(field(in, "public display name", form.publicName()));
        lines.add(field(in, "private display name", form.privateName()));
        lines.add(field(in, "email", email(form.email())));
        List<String> comments = form.comments().lines().toList();
        lines.add(field(in, "comments", comments.isEmpty() ? "" : comments.get(0)));
        for (int i = 1; i < comments.size(); i++) {
            lines.add(field(in, "", comments.get(i)));
        }
        lines.add(field(
                in,
                "email password to user",
                form.emailPasswordOffered()
                        ? "offered"
                        : "not offered (" + (form.email().isEmpty() ? "no email address" : "mail not configured")
                                + ")"));
        lines.add(in + "New passwords must meet the policy:");
        lines.addAll(policy(form.policy(), in + "  "));
        return lines;
    }

    private static String field(String indent, String label, String value) {
        String prefix = label.isEmpty() ? "" : label + ":";
        return (indent + prefix + " ".repeat(Math.max(1, 25 - prefix.length())) + value).stripTrailing();
    }

    /** The audit records as a table, newest first. */
    static List<String> audit(List<AuditRecord> records, String indent) {
        TextTable table = new TextTable("SEQ", "TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME", "CODE", "DETAILS");
        for (AuditRecord r : records) {
            AuditEvent e = r.event();
            table.row(
                    String.valueOf(r.sequence()),
                    time(e.at()),
                    e.actor().map(Object::toString).orElse("-"),
                    e.action().name(),
                    e.target().map(Object::toString).orElse("-"),
                    e.outcome().name(),
                    e.code(),
                    new TreeMap<>(e.details())
                            .entrySet().stream()
                                    .map(d -> d.getKey() + "=" + d.getValue())
                                    .collect(Collectors.joining(" ")));
        }
        return table.lines(indent);
    }

    /**
     * The audit records one per line, {@code SEQ ACTOR ACTION TARGET: OUTCOME CODE (details)}, wrapped at
     * {@code width} columns: the compact form for a narrow page (the demo).
     */
    static List<String> auditLines(List<AuditRecord> records, String indent, int width) {
        List<String> lines = new ArrayList<>();
        for (AuditRecord r : records) {
            AuditEvent e = r.event();
            String details = new TreeMap<>(e.details())
                    .entrySet().stream()
                            .map(d -> d.getKey() + "=" + d.getValue())
                            .collect(Collectors.joining(" "));
            String text = String.format(
                    "%3d  %s %s %s: %s %s%s",
                    r.sequence(),
                    e.actor().map(Object::toString).orElse("-"),
                    e.action().name(),
                    e.target().map(Object::toString).orElse("-"),
                    e.outcome().name(),
                    e.code(),
                    details.isEmpty() ? "" : " (" + details + ")");
            lines.addAll(wrap(text, width, indent, indent + "       "));
        }
        return lines;
    }

    /**
     * {@code text} in lines of at most {@code width} columns: the first prefixed with {@code first}, the others
     * with {@code next}; broken after a space or a comma where possible, else where the width ends.
     */
    static List<String> wrap(String text, int width, String first, String next) {
        List<String> lines = new ArrayList<>();
        String prefix = first;
        String rest = text;
        while (prefix.length() + rest.length() > width) {
            int room = Math.max(1, width - prefix.length());
            int cut = Math.max(rest.lastIndexOf(' ', room), rest.lastIndexOf(',', room - 1) + 1);
            if (cut <= 0) {
                cut = room;
            }
            lines.add((prefix + rest.substring(0, cut)).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            prefix = next;
        }
        lines.add(prefix + rest);
        return lines;
    }

    static String actions(Set<SearchUsers.Affordance> affordances) {
        if (affordances.isEmpty()) {
            return "-";
        }
        return affordances.stream()
                .map(a -> switch (a) {
                    case CHANGE_PASSWORD -> "set-password";
                    case RESET_FAILED_LOGINS -> "reset";
                    case EDIT -> "edit";
                    case DELETE -> "delete";
                })
                .collect(Collectors.joining(", "));
    }

    static String permissions(Set<Permission> permissions) {
        return permissions.isEmpty()
                ? "-"
                : permissions.stream()
                        .map(Enum::name)
                        .map(n -> n.toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", "));
    }

    /** {@code local}, or the name of the security provider that holds the password. */
    static String source(Source source) {
        return source instanceof Source.Provider p ? p.name() : "local";
    }

    static String email(Optional<EmailAddress> email) {
        return email.map(EmailAddress::value).orElse("-");
    }

    /** The day of an instant, in UTC. */
    static String date(Instant at) {
        return at.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }

    /** An instant in ISO-8601 UTC to the second. */
    static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A duration in its largest whole unit, days from a week on: 90d, 72h, 30m, 45s. */
    static String duration(Duration d) {
        if (d.toDays() >= 7 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() + "h";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }
}
