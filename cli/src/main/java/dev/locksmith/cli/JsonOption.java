package dev.locksmith.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the commands whose JSON document the README describes field by field: a
 * picocli mixin, so that the option is declared, and described, once.
 */
final class JsonOption {
    @Option(names = "--json", description = "Print one JSON document (fields in the README).")
    boolean json;
}
