package dev.locksmith.cli;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.usecase.AuthenticationOutcome;
import dev.locksmith.core.usecase.OpenChangePasswordForm;
import dev.locksmith.core.usecase.SearchUsers;
import dev.locksmith.core.usecase.SetPassword;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code --json} documents, with the field names the README documents; they are an interface for
 * scripts, so a name once published stays. Nothing here receives a password except
 * {@link #generated}, which writes it as characters. Stateless; thread-safe.
 */
final class JsonViews {
    private JsonViews() {}

    /** The search page; {@code policy} (full view) gives each local user's password expiry. */
    static Map<String, Object> search(SearchUsers.Result result, Optional<PasswordPolicy> policy) {
        List<Object> users = new ArrayList<>();
        for (SearchUsers.Row row : result.page().items()) {
            Map<String, Object> user = Json.object();
            user.put("username", row.username().value());
            user.put("publicName", row.publicName());
            user.put("privateName", row.privateName());
            user.put("email", row.email().map(EmailAddress::value));
            user.put("failedLogins", row.failedLogins());
            user.put("locked", row.locked());
            user.put("source", Describe.source(row.source()));
            user.put(
                    "actions",
                    List.of(Describe.actions(row.affordances()).split(", ")).stream()
                            .filter(a -> !a.equals("-"))
                            .toList());
            row.details().ifPresent(d -> {
                user.put(
                        "permissions",
                        List.of(Describe.permissions(d.permissions()).split(", ")).stream()
                                .filter(p -> !p.equals("-"))
                                .toList());
                user.put("enabled", d.enabled());
                user.put("comments", d.comments());
                user.put("mustChangePassword", d.mustChangePassword());
                user.put("passwordChangedAt", d.passwordChangedAt());
                user.put("passwordExpiresAt", expiry(d.passwordChangedAt(), policy));
                user.put("temporaryPasswordExpiresAt", d.temporaryPasswordExpiresAt());
                user.put("lastLoginAt", d.lastLoginAt());
                user.put("lockedUntil", d.lockedUntil());
            });
            users.add(user);
        }
        Map<String, Object> document = Json.object();
        document.put("view", result.view().name());
        document.put("users", users);
        document.put("nextCursor", result.page().nextCursor());
        return document;
    }

    /** When a password changed at {@code changedAt} expires under the policy's maximum age, if it does. */
    static Optional<Instant> expiry(Optional<Instant> changedAt, Optional<PasswordPolicy> policy) {
        return changedAt.flatMap(at -> policy.flatMap(PasswordPolicy::maxAge).map(at::plus));
    }

    static Map<String, Object> form(OpenChangePasswordForm.Result form) {
        Map<String, Object> document = Json.object();
        document.put("username", form.username().value());
        document.put("publicName", form.publicName());
        document.put("privateName", form.privateName());
        document.put("email", form.email().map(EmailAddress::value));
        document.put("comments", form.comments());
        document.put("emailPasswordOffered", form.emailPasswordOffered());
        document.put("policy", policy(form.policy()));
        return document;
    }

    static Map<String, Object> policy(PasswordPolicy p) {
        Map<String, Object> document = Json.object();
        document.put("minLength", p.minLength());
        document.put("maxLength", p.maxLength());
        document.put("complex", p.complex());
        document.put("minUppercase", p.minUppercase());
        document.put("minLowercase", p.minLowercase());
        document.put("minDigits", p.minDigits());
        document.put("minOther", p.minOther());
        document.put("bannedWords", new TreeSet<>(p.bannedWords()));
        document.put("minStrength", p.minStrength());
        document.put("historySize", p.historySize());
        document.put("maxAge", p.maxAge());
        document.put("temporaryLifetime", p.temporaryLifetime());
        document.put("lockoutThreshold", p.lockoutThreshold());
        document.put("lockoutDuration", p.lockoutDuration());
        document.put("lockoutWindow", p.effectiveLockoutWindow());
        document.put("resetLinkLifetime", p.resetLinkLifetime());
        return document;
    }

    /** The audit records, and the {@code --before} value of the next page when there may be one. */
    static Map<String, Object> audit(List<AuditRecord> records, Optional<Long> nextBefore) {
        List<Object> events = new ArrayList<>();
        for (AuditRecord r : records) {
            AuditEvent e = r.event();
            Map<String, Object> event = Json.object();
            event.put("sequence", r.sequence());
            event.put("at", e.at());
            event.put("actor", e.actor().map(Username::value));
            event.put("action", e.action().name());
            event.put("target", e.target().map(Username::value));
            event.put("outcome", e.outcome().name());
            event.put("code", e.code());
            event.put("details", new TreeMap<>(e.details()));
            events.add(event);
        }
        Map<String, Object> document = Json.object();
        document.put("events", events);
        document.put("nextBefore", nextBefore);
        return document;
    }

    static Map<String, Object> login(AuthenticationOutcome outcome) {
        Map<String, Object> document = Json.object();
        document.put("outcome", Describe.outcome(outcome).split(":", 2)[0]);
        Optional<String> username = Optional.empty();
        Optional<String> provider = Optional.empty();
        if (outcome instanceof AuthenticationOutcome.Authenticated a) {
            username = Optional.of(a.username().value());
            provider = a.provider();
        } else if (outcome instanceof AuthenticationOutcome.MustChangePassword m) {
            username = Optional.of(m.username().value());
        } else if (outcome instanceof AuthenticationOutcome.PasswordExpired p) {
            username = Optional.of(p.username().value());
        } else if (outcome instanceof AuthenticationOutcome.UseProvider p) {
            provider = Optional.of(p.providerName());
        } else if (outcome instanceof AuthenticationOutcome.ProviderUnavailable u) {
            provider = u.providerName();
        }
        document.put("username", username);
        document.put("provider", provider);
        return document;
    }

    /** A password set by {@code set-password --generate}; {@code password} is null when it was emailed. */
    static Map<String, Object> generated(SetPassword.Result result, char[] password) {
        Map<String, Object> document = Json.object();
        document.put("username", result.target().value());
        document.put("password", password);
        document.put("emailed", result.emailed());
        document.put("mustChangePassword", result.mustChangePassword());
        document.put("temporaryPasswordExpiresAt", result.temporaryPasswordExpiresAt());
        return document;
    }
}
