package dev.locksmith.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Reports a command line that does not parse (unknown option, missing argument, malformed number) in two
 * lines, with exit code {@link ExitCode#USAGE}. Stateless; thread-safe.
 */
final class UsageErrorReport implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return ExitCode.USAGE;
    }
}
