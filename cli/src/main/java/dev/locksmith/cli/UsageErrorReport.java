package dev.locksmith.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports a command line that does not parse (unknown option, missing argument, malformed number) in two
 * lines, with exit code {@link ExitCode#USAGE}. Stateless; thread-safe.
 */
final class UsageErrorReport implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message(ex));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * The parser's message, except for unmatched arguments: those are named by option only, never by value,
     * since what was not matched may be a password typed where it does not belong ({@code --password s3cret}).
     */
    private static String message(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return ex.getMessage();
        }
        StringBuilder text = new StringBuilder("unknown or unexpected arguments: ");
        List<String> shown = new ArrayList<>();
        for (String argument : unmatched.getUnmatched()) {
            shown.add(argument.startsWith("-") ? argument.split("=", 2)[0] : "(a value, not shown)");
        }
        return text.append(String.join(", ", shown)).toString();
    }
}
