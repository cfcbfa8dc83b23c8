/**
 * The {@code locksmith} command line: the runnable composition root that wires core with every real adapter
 * (H2 or a JDBC database, SMTP, LDIF security providers, Argon2id, the screening adapters), a subcommand per
 * use case with exit codes a script can rely on ({@link dev.locksmith.cli.ExitCode}), and {@code demo}, the
 * product's story on a fresh database and an in-process SMTP server. Start at
 * {@link dev.locksmith.cli.LocksmithCommand}.
 */
package dev.locksmith.cli;
