package dev.locksmith.cli;

import dev.locksmith.core.domain.LocksmithException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a database failure in a sentence a person can act on: wrong password, no password, server not
 * reachable, no such database, a file that is not a Locksmith store, a store in use by another process.
 * The JDBC adapter reports the driver's SQLState in its message and its cause (never the driver's text,
 * which may hold SQL or data); this reads it back from the cause chain. What it prints names the user, the
 * host and port, or the folder: never a password, never the full URL. Stateless; thread-safe.
 */
final class DatabaseErrors {
    private static final Pattern SQL_STATE = Pattern.compile("SQLState ([0-9A-Z]{5})");
    private static final Pattern POSTGRESQL =
            Pattern.compile("jdbc:postgresql://([^/?#]*)(?:/([^?#;]*))?.*", Pattern.CASE_INSENSITIVE);

    private DatabaseErrors() {}

    /** The SQLState the adapter recorded for this failure, if any. */
    static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
            if (t.getMessage() != null) {
                Matcher m = SQL_STATE.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A sentence for a failure to reach or read {@code store}, when its SQLState is one a person can act on.
     */
    static Optional<String> explain(LocksmithException failure, Wiring.Store store) {
        Optional<String> state = sqlState(failure);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (store instanceof Wiring.Store.Embedded embedded) {
            String folder = embedded.folder().toAbsolutePath().toString();
            return Optional.ofNullable(
                    switch (state.get()) {
                        case "90020" ->
                            "the store in " + folder + " is in use by another process; try again when it has finished";
                        case "90030", "90048", "90050", "90067" ->
                            embedded.file() + " is not a Locksmith store or is "
                                    + "damaged; restore it from a backup, or name another folder with --data";
                        case "90098", "90028" ->
                            java.nio.file.Files.isReadable(embedded.file())
                                            && java.nio.file.Files.isWritable(embedded.file())
                                    ? embedded.file()
                                            + " is not a Locksmith store or is damaged (or the disk is full); restore it "
                                            + "from a backup, or name another folder with --data"
                                    : "the store in " + folder
                                            + " cannot be read or written: check the files' owner and permissions";
                        default -> null;
                    });
        }
        Wiring.Store.Jdbc jdbc = (Wiring.Store.Jdbc) store;
        String server = server(jdbc.url());
        String user = jdbc.user().orElse("(none given)");
        return Optional.ofNullable(
                switch (state.get()) {
                    case "28P01", "28000" ->
                        "authentication failed for database user " + user + " at " + server
                                + ": check --jdbc-user and the password in " + Environment.JDBC_PASSWORD_VARIABLE;
                    case "08004" ->
                        "the database server at " + server + " wants a password for user " + user
                                + " and none was given: set " + Environment.JDBC_PASSWORD_VARIABLE
                                + (jdbc.user().isEmpty() ? " and give --jdbc-user" : "");
                    case "08001", "08006", "08S01", "08000" ->
                        "the database server at " + server + " cannot be reached: "
                                + "is it running, and are the host and port right?";
                    case "3D000" ->
                        "there is no such database at " + server
                                + database(jdbc.url()).map(d -> " (" + d + ")").orElse("");
                    case "42501" ->
                        "database user " + user + " at " + server + " may not create or use the Locksmith tables";
                    default -> null;
                });
    }

    /** {@code host:port} of a PostgreSQL URL (any user information dropped), or the kind of URL otherwise. */
    static String server(String url) {
        Matcher m = POSTGRESQL.matcher(url);
        if (m.matches()) {
            String authority = m.group(1);
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            if (authority.isEmpty()) {
                return "localhost:5432";
            }
            return authority.contains(":") || authority.contains(",") ? authority : authority + ":5432";
        }
        return kind(url) + " URL";
    }

    private static Optional<String> database(String url) {
        Matcher m = POSTGRESQL.matcher(url);
        return m.matches() && m.group(2) != null && !m.group(2).isEmpty() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The part of a JDBC URL naming the kind of database: {@code postgresql}, {@code h2}, {@code mysql}. */
    static String kind(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:")) {
            return "(not a JDBC URL)";
        }
        int end = lower.indexOf(':', 5);
        return end < 0 ? "(not a JDBC URL)" : lower.substring(5, end);
    }
}
