/**
 * The demo module's part of the command line: {@code demo}, the product's story on a fresh database and an
 * in-process SMTP server (GreenMail), an {@link dev.locksmith.cli.ExtraCommand} that the demo module's runnable
 * jar adds to every command of the production one. It shares the command line's package, whose package-private
 * wiring and text it plays the story with; the two are one jar at run time (each runnable jar is shaded), so the
 * package is never split between jars on a module path.
 */
package dev.locksmith.cli;
