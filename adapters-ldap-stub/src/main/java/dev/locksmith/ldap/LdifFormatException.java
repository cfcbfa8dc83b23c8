package dev.locksmith.ldap;

import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Reason;
import java.util.Map;

/**
 * An LDIF file is malformed: thrown by {@link LdifSecurityProviders.Builder#build()} and by the reload methods,
 * which then keep the data they had. Names the file and the line (1-based, the first physical line of a folded
 * line) and says what is wrong; the message reads {@code file:line: problem}. Reason
 * {@link Reason#INVALID_INPUT}, parameters {@code file}, {@code line} and {@code problem}.
 *
 * <p>A type of this module rather than one of core's because core's concrete errors are final and none carries
 * a file and a line a program can read; it extends core's root, so a host catching
 * {@link LocksmithException} catches it too. Messages never quote attribute values: an LDIF export may carry
 * {@code userPassword} hashes. Immutable.
 */
public final class LdifFormatException extends LocksmithException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    LdifFormatException(String file, int line, String problem) {
        super(
                Reason.INVALID_INPUT,
                file + ":" + line + ": " + problem,
                Map.of("file", file, "line", Integer.toString(line), "problem", problem));
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file, as configured. */
    public String file() {
        return file;
    }

    /** The 1-based line number where the problem starts. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem() {
        return problem;
    }
}
