package dev.locksmith.core.domain;

import java.util.Map;

/** The target user does not exist (or no longer exists under the identity a write was meant for). */
public final class NotFoundException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(Username username) {
        super(Reason.NOT_FOUND, "no such user: " + username.value(), Map.of("username", username.value()));
    }

    /** No user has this identity: it was deleted (a user of the same name may exist, but is another account). */
    public NotFoundException(UserId id) {
        super(Reason.NOT_FOUND, "no user with identity " + id, Map.of("id", id.toString()));
    }
}
