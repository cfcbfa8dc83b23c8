package dev.locksmith.core.port;

import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.domain.Username;
import java.time.Instant;
import java.util.List;

/**
 * Previous password hashes of each user, newest first, for the policy's history rule. Keeps at most
 * {@link PasswordPolicy#MAX_HISTORY} entries per user. Joins the current transaction; thread-safe.
 */
public interface PasswordHistory {

    /** Up to {@code limit} previous hashes of the user, newest first. */
    List<PasswordHash> recent(Username username, int limit);

    /** Records a hash the user no longer uses, dropping entries beyond {@link PasswordPolicy#MAX_HISTORY}. */
    void push(Username username, PasswordHash previous, Instant replacedAt);

    /** Forgets the user's history (when the user is deleted). */
    void forget(Username username);
}
