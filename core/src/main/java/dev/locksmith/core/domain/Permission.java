package dev.locksmith.core.domain;

/** The permissions a user can hold. An administrator holds every power of {@link #SET_PASSWORDS}. */
public enum Permission {
    /** Full administrative rights. */
    ADMINISTRATOR,
    /** "Allowed to set passwords": the narrow delegated power. */
    SET_PASSWORDS
}
