package dev.locksmith.core.domain;

import java.util.Map;

/** The target user does not exist. */
public final class NotFoundException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(Username username) {
        super(Reason.NOT_FOUND, "no such user: " + username.value(), Map.of("username", username.value()));
    }
}
