package dev.locksmith.cli;

import java.util.concurrent.Callable;

/**
 * A subcommand that another jar adds to {@code locksmith}: a picocli {@code @Command} class named in that jar's
 * {@code META-INF/services/dev.locksmith.cli.ExtraCommand}, found through {@link java.util.ServiceLoader} and
 * listed after the built-in commands. The class is public with a public no-argument constructor, as
 * {@code ServiceLoader} requires, and returns an {@link ExitCode}'s code. The production jar holds none; the
 * demo module's jar adds {@code demo}.
 */
public interface ExtraCommand extends Callable<Integer> {}
