/**
 * The {@code locksmith} command line: the runnable composition root that wires core with every real adapter
 * (H2 or a JDBC database, SMTP, LDIF security providers, Argon2id, the screening adapters), a subcommand per
 * use case with exit codes a script can rely on ({@link dev.locksmith.cli.ExitCode}). Start at
 * {@link dev.locksmith.cli.LocksmithCommand}, which lists its commands by name. The demo module's jar starts at its
 * own {@code DemoMain}, which adds {@code demo} to that list: the product's story on a fresh database and an in-process SMTP server, in
 * this package (it plays the story with the package's wiring and text; each runnable jar is one shaded jar, so
 * the package is never split between jars at run time).
 */
package dev.locksmith.cli;
