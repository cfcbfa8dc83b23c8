package dev.locksmith.jdbc;

import dev.locksmith.core.domain.ConflictException;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.PolicyStore;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link PolicyStore} in SQL: one row for the policy (durations as ISO-8601 text, exact at any size) and one
 * row per banned word. {@link #save} replaces both in one transaction (the caller's when one is running).
 *
 * <p>Obtained from {@link JdbiStore#policyStore()}. Thread-safe. Throws only {@link UnavailableException}
 * (database failure, or a stored policy that no longer validates) and, when two first saves race,
 * {@link dev.locksmith.core.domain.ConflictException}.
 */
public final class JdbiPolicyStore implements PolicyStore {
    private static final String COLUMNS = "min_length, max_length, complex, min_uppercase, min_lowercase, min_digits, "
            + "min_other, min_strength, history_size, max_age, temporary_lifetime, lockout_threshold, lockout_duration, lockout_window, reset_link_lifetime";
    private static final String VALUES = ":min_length, :max_length, :complex, :min_uppercase, :min_lowercase, "
            + ":min_digits, :min_other, :min_strength, :history_size, :max_age, :temporary_lifetime, "
            + ":lockout_threshold, :lockout_duration, :lockout_window, :reset_link_lifetime";
    private static final String ASSIGNMENTS = "min_length = :min_length, max_length = :max_length, complex = :complex, "
            + "min_uppercase = :min_uppercase, min_lowercase = :min_lowercase, min_digits = :min_digits, "
            + "min_other = :min_other, min_strength = :min_strength, history_size = :history_size, "
            + "max_age = :max_age, temporary_lifetime = :temporary_lifetime, "
            + "lockout_threshold = :lockout_threshold, lockout_duration = :lockout_duration, "
            + "lockout_window = :lockout_window, reset_link_lifetime = :reset_link_lifetime";

    private final Database db;
    private final String table;
    private final String words;

    JdbiPolicyStore(Database db) {
        this.db = db;
        this.table = db.tables().passwordPolicy();
        this.words = db.tables().bannedWords();
    }

    @Override
    public Optional<PasswordPolicy> load() {
        // One statement for the settings and the banned words, so that both come from the same committed
        // policy: read in two, a save committing in between would give a policy nobody saved.
        return db.call(
                "load the password policy",
                h -> h.createQuery("SELECT " + COLUMNS + ", w.word FROM " + table + " p LEFT JOIN " + words
                                + " w ON 1 = 1 WHERE p.id = 1")
                        .scanResultSet((results, ctx) -> {
                            ResultSet rs = results.get();
                            if (!rs.next()) {
                                return Optional.<PasswordPolicy>empty();
                            }
                            // Every row repeats the settings, beside one banned word (null when there are none).
                            PasswordPolicy.Builder settings = PasswordPolicy.builder()
                                    .minLength(rs.getInt("min_length"))
                                    .maxLength(rs.getInt("max_length"))
                                    .complex(rs.getBoolean("complex"))
                                    .minUppercase(rs.getInt("min_uppercase"))
                                    .minLowercase(rs.getInt("min_lowercase"))
                                    .minDigits(rs.getInt("min_digits"))
                                    .minOther(rs.getInt("min_other"))
                                    .minStrength(rs.getInt("min_strength"))
                                    .historySize(rs.getInt("history_size"))
                                    .maxAge(duration(rs.getString("max_age")))
                                    .temporaryLifetime(duration(rs.getString("temporary_lifetime")))
                                    .lockoutThreshold(rs.getInt("lockout_threshold"))
                                    .lockoutDuration(duration(rs.getString("lockout_duration")))
                                    .lockoutWindow(duration(rs.getString("lockout_window")));
                            String resetLinkLifetime = rs.getString("reset_link_lifetime");
                            if (resetLinkLifetime != null) {
                                settings.resetLinkLifetime(Duration.parse(resetLinkLifetime));
                            }
                            HashSet<String> banned = new HashSet<>();
                            do {
                                String word = rs.getString("word");
                                if (word != null) {
                                    banned.add(word);
                                }
                            } while (rs.next());
                            try {
                                return Optional.of(settings.bannedWords(banned).build());
                            } catch (IllegalArgumentException | InvalidInputException e) {
                                throw new UnavailableException(
                                        "the stored password policy is malformed", DatabaseFailure.of(e));
                            }
                        }));
    }

    @Override
    public void save(PasswordPolicy policy) {
        db.write("save the password policy", h -> {
            int rows = bind(h.createUpdate("UPDATE " + table + " SET " + ASSIGNMENTS + " WHERE id = 1"), policy)
                    .execute();
            if (rows == 0) {
                try {
                    String insert = "INSERT INTO " + table + " (id, " + COLUMNS + ") VALUES (1, " + VALUES + ")";
                    bind(h.createUpdate(insert), policy).execute();
                } catch (RuntimeException e) {
                    if (SqlErrors.translate("save the password policy", e) instanceof ConflictException) {
                        // Another first save committed in between: a concurrent change, not a duplicate.
                        throw new ConflictException(
                                Reason.CONFLICT, "the password policy was saved concurrently", Map.of());
                    }
                    throw e;
                }
            }
            h.createUpdate("DELETE FROM " + words).execute();
            if (!policy.bannedWords().isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO " + words + " (word) VALUES (:word)");
                policy.bannedWords().forEach(w -> batch.bind("word", w).add());
                batch.execute();
            }
            return null;
        });
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, PasswordPolicy p) {
        return statement
                .bind("min_length", p.minLength())
                .bind("max_length", p.maxLength())
                .bind("complex", p.complex())
                .bind("min_uppercase", p.minUppercase())
                .bind("min_lowercase", p.minLowercase())
                .bind("min_digits", p.minDigits())
                .bind("min_other", p.minOther())
                .bind("min_strength", p.minStrength())
                .bind("history_size", p.historySize())
                .bind("max_age", p.maxAge().map(Duration::toString).orElse(null))
                .bind(
                        "temporary_lifetime",
                        p.temporaryLifetime().map(Duration::toString).orElse(null))
                .bind("lockout_threshold", p.lockoutThreshold())
                .bind(
                        "lockout_duration",
                        p.lockoutDuration().map(Duration::toString).orElse(null))
                .bind(
                        "lockout_window",
                        p.lockoutWindow().map(Duration::toString).orElse(null))
                .bind("reset_link_lifetime", p.resetLinkLifetime().toString());
    }

    private static Duration duration(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnavailableException("the stored password policy is malformed", DatabaseFailure.of(e));
        }
    }
}
