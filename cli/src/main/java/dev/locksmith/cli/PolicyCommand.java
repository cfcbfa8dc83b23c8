package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.PasswordPolicy;
import dev.locksmith.core.usecase.ChangePolicy;
import dev.locksmith.core.usecase.ReadPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code locksmith policy ...}: read and change the password policy. */
@Command(
        name = "policy",
        description = "Show or change the password policy.",
        subcommands = {PolicyCommand.Show.class, PolicyCommand.Change.class})
final class PolicyCommand extends GroupCommand {
    /** A title and, indented below it, the policy's settings. */
    private static List<String> titled(String title, PasswordPolicy policy) {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.addAll(Describe.policy(policy, "  "));
        return lines;
    }

    @Command(name = "show", description = "Show the password policy (any enabled user).")
    static final class Show extends ActingCommand {
        @Mixin
        JsonOption output = new JsonOption();

        @Override
        int run(Session session) {
            PasswordPolicy policy = session.locksmith().readPolicy().execute(new ReadPolicy.Command(actor()));
            return print(output.json, () -> JsonViews.policy(policy), () -> titled("Password policy:", policy));
        }
    }

    @Command(
            name = "set",
            description = "Change the password policy (administrators only): start from the current "
                    + "policy, or from a preset, and change the settings given.")
    static final class Change extends ActingCommand {
        @Option(
                names = "--preset",
                paramLabel = "NAME",
                description = "Start from a preset: nist (15 to 128 characters, "
                        + "no composition rules) or classic (complex, minimum 8, history 5, 90-day expiry).")
        String preset;

        @Option(names = "--min-length", paramLabel = "N", description = "Minimum length, 8 or more.")
        Integer minLength;

        @Option(names = "--max-length", paramLabel = "N", description = "Maximum length, 64 to 1024.")
        Integer maxLength;

        @Option(
                names = "--complex",
                paramLabel = "true|false",
                arity = "1",
                description = "Require 3 of the 4 character classes.")
        Boolean complex;

        @Option(names = "--min-upper", paramLabel = "N", description = "Minimum upper-case letters.")
        Integer minUpper;

        @Option(names = "--min-lower", paramLabel = "N", description = "Minimum lower-case letters.")
        Integer minLower;

        @Option(names = "--min-digits", paramLabel = "N", description = "Minimum digits.")
        Integer minDigits;

        @Option(names = "--min-other", paramLabel = "N", description = "Minimum other characters.")
        Integer minOther;

        @Option(names = "--banned-words", paramLabel = "LIST", description = "Comma-separated banned words, or none.")
        String bannedWords;

        @Option(names = "--min-strength", paramLabel = "0-4", description = "Minimum estimated strength (0: off).")
        Integer minStrength;

        @Option(names = "--history", paramLabel = "N", description = "Must differ from the last N passwords (0 to 24).")
        Integer history;

        @Option(names = "--max-age", paramLabel = "DURATION", description = "Maximum password age, e.g. 90d, or none.")
        String maxAge;

        @Option(
                names = "--temporary-lifetime",
                paramLabel = "DURATION",
                description = "Lifetime of a password set by " + "someone else with must-change, e.g. 72h, or none.")
        String temporaryLifetime;

        @Option(
                names = "--lockout-threshold",
                paramLabel = "N",
                description = "Failed logins that lock an account (0: off; at most 100).")
        Integer lockoutThreshold;

        @Option(
                names = "--lockout-duration",
                paramLabel = "DURATION",
                description = "How long a lock lasts, e.g. 30m, or until-reset.")
        String lockoutDuration;

        @Option(
                names = "--lockout-window",
                paramLabel = "DURATION",
                description = "Failures more than this long after the previous one start the count again, e.g. 15m; "
                        + "default: the lockout duration.")
        String lockoutWindow;

        @Option(
                names = "--reset-link-lifetime",
                paramLabel = "DURATION",
                description = "How long a one-time reset link works, 1m to 7d (default 1h).")
        String resetLinkLifetime;

        @Override
        int run(Session session) {
            PasswordPolicy start = preset == null
                    ? session.locksmith().readPolicy().execute(new ReadPolicy.Command(actor()))
                    : preset(preset);
            PasswordPolicy.Builder b = start.toBuilder();
            ifGiven(minLength, b::minLength);
            ifGiven(maxLength, b::maxLength);
            ifGiven(complex, b::complex);
            ifGiven(minUpper, b::minUppercase);
            ifGiven(minLower, b::minLowercase);
            ifGiven(minDigits, b::minDigits);
            ifGiven(minOther, b::minOther);
            ifGiven(bannedWords, list -> b.bannedWords(words(list)));
            ifGiven(minStrength, b::minStrength);
            ifGiven(history, b::historySize);
            ifGiven(maxAge, text -> b.maxAge(duration(text, "--max-age")));
            ifGiven(temporaryLifetime, text -> b.temporaryLifetime(duration(text, "--temporary-lifetime")));
            ifGiven(lockoutThreshold, b::lockoutThreshold);
            ifGiven(lockoutDuration, text -> b.lockoutDuration(duration(text, "--lockout-duration")));
            ifGiven(lockoutWindow, text -> b.lockoutWindow(duration(text, "--lockout-window")));
            ifGiven(
                    resetLinkLifetime,
                    text -> b.resetLinkLifetime(Values.duration(text, "--reset-link-lifetime")
                            .orElseThrow(() -> new InvalidInputException(
                                    "--reset-link-lifetime", "must be a duration, e.g. 1h"))));
            PasswordPolicy policy = build(b);
            session.locksmith().changePolicy().execute(new ChangePolicy.Command(actor(), policy));
            titled("Password policy changed:", policy).forEach(out()::println);
            return ExitCode.OK.code();
        }

        /** Applies an option to the builder when it was given; an option not given keeps the start's setting. */
        private static <T> void ifGiven(T value, Consumer<T> setter) {
            if (value != null) {
                setter.accept(value);
            }
        }

        /** A duration option; none, off or until-reset is no duration (null: the setting is off). */
        private static Duration duration(String text, String option) {
            return Values.duration(text, option).orElse(null);
        }

        /** The policy's own field names, as this command's options. */
        private static final Map<String, String> OPTIONS = Map.ofEntries(
                Map.entry("minLength", "--min-length"),
                Map.entry("maxLength", "--max-length"),
                Map.entry("minUppercase", "--min-upper"),
                Map.entry("minLowercase", "--min-lower"),
                Map.entry("minDigits", "--min-digits"),
                Map.entry("minOther", "--min-other"),
                Map.entry("bannedWords", "--banned-words"),
                Map.entry("minStrength", "--min-strength"),
                Map.entry("historySize", "--history"),
                Map.entry("maxAge", "--max-age"),
                Map.entry("temporaryLifetime", "--temporary-lifetime"),
                Map.entry("lockoutThreshold", "--lockout-threshold"),
                Map.entry("lockoutDuration", "--lockout-duration"),
                Map.entry("lockoutWindow", "--lockout-window"),
                Map.entry("resetLinkLifetime", "--reset-link-lifetime"));

        /** Builds the policy; a setting out of range is reported by this command's option name. */
        static PasswordPolicy build(PasswordPolicy.Builder builder) {
            try {
                return builder.build();
            } catch (InvalidInputException e) {
                String problem = e.parameters().getOrDefault("problem", "is out of range");
                for (Map.Entry<String, String> field : OPTIONS.entrySet()) {
                    problem = problem.replaceAll("\\b" + field.getKey() + "\\b", field.getValue());
                }
                throw new InvalidInputException(OPTIONS.getOrDefault(e.field(), e.field()), problem);
            }
        }

        private static PasswordPolicy preset(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "nist" -> PasswordPolicy.nistDefault();
                case "classic" -> PasswordPolicy.classicComplex();
                default -> throw new InvalidInputException("--preset", "must be nist or classic, not '" + name + "'");
            };
        }

        private static Set<String> words(String list) {
            if (list.isBlank() || list.trim().equalsIgnoreCase("none")) {
                return Set.of();
            }
            Set<String> words = new LinkedHashSet<>();
            Arrays.stream(list.split(","))
                    .map(String::trim)
                    .filter(w -> !w.isEmpty())
                    .forEach(words::add);
            return words;
        }
    }
}
