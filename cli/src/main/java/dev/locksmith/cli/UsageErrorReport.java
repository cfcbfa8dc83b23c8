package dev.locksmith.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Reports a command line that does not parse (unknown command or option, missing argument, malformed number)
 * in two lines, with exit code {@link ExitCode#USAGE}. A mistyped command name is shown with the commands it
 * resembles, and {@code demo} with the jar that has it; any other unmatched value is never shown. Stateless; thread-safe.
 */
final class UsageErrorReport implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        List<String> commands = mistypedCommand(ex);
        if (asksForTheDemo(ex)) {
            err.println(name + ": 'demo' is the demo module's command: java -jar locksmith-demo.jar demo");
        } else if (!commands.isEmpty()) {
            String typed =
                    ((CommandLine.UnmatchedArgumentException) ex).getUnmatched().get(0);
            err.println(name + ": '" + typed + "' is not a command; did you mean " + alternatives(commands) + "?");
        } else {
            err.println(name + ": " + message(ex));
        }
        err.println("Try '" + name + " --help'.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /**
     * The commands resembling the first unmatched argument, when it stands where a command name goes: the
     * parsing command has subcommands and the argument is not an option. Empty otherwise: then the argument
     * may be a value, and values are never echoed.
     */
    private static List<String> mistypedCommand(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched)
                || ex.getCommandLine().getSubcommands().isEmpty()
                || unmatched.getUnmatched().isEmpty()
                || unmatched.getUnmatched().get(0).startsWith("-")
                || unmatched.isUnknownOption()) {
            return List.of();
        }
        List<String> suggestions = new ArrayList<>(unmatched.getSuggestions());
        suggestions.removeIf(
                s -> s.startsWith("-") || !ex.getCommandLine().getSubcommands().containsKey(s));
        return suggestions.stream().limit(1).toList();
    }

    /** Whether the unmatched command is {@code demo}, which only the demo module's jar has. */
    private static boolean asksForTheDemo(CommandLine.ParameterException ex) {
        return ex instanceof CommandLine.UnmatchedArgumentException unmatched
                && !ex.getCommandLine().getSubcommands().isEmpty()
                && !ex.getCommandLine().getSubcommands().containsKey("demo")
                && unmatched.getUnmatched().stream()
                        .findFirst()
                        .filter("demo"::equals)
                        .isPresent();
    }

    private static String alternatives(List<String> commands) {
        List<String> quoted = commands.stream().map(c -> "'" + c + "'").toList();
        return quoted.size() == 1
                ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
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
