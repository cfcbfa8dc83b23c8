package dev.locksmith.core.domain;

import java.util.Map;

/** Bad input: null, empty, oversized, malformed or containing forbidden characters. Nothing was changed. */
public final class InvalidInputException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(Reason.INVALID_INPUT, field + ": " + problem, Map.of("field", field, "problem", problem));
        this.field = field;
    }

    /** The name of the offending field. */
    public String field() {
        return field;
    }

    /** Throws if {@code value} is null. */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }
}
