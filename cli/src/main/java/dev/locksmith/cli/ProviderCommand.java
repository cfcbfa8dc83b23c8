package dev.locksmith.cli;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.directory.LdapProviderSettings;
import dev.locksmith.directory.LdapSecurityProviders;
import dev.locksmith.directory.ProbeReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code locksmith provider}: commands about the security providers given with {@code --ldap}. One instance
 * per execution; not thread-safe.
 */
@Command(
        name = "provider",
        description = "Check the live directory providers given with --ldap NAME:FILE.",
        subcommands = {ProviderCommand.Test.class, CommandLine.HelpCommand.class})
final class ProviderCommand extends GroupCommand {
    /**
     * {@code locksmith --ldap NAME:FILE provider test NAME [USERNAME]}: connects to the provider's servers (TLS),
     * binds as its service account and, when a username is given, looks it up (the cache bypassed). Prints the
     * server that answered, the service account, and the entries found; never a password. Opens no store.
     */
    @Command(
            name = "test",
            description = "Connect to the live directory provider NAME, bind as its service account "
                    + "and, when USERNAME is given, look the user up. Prints what it found, never a password. Exit code 0 "
                    + "when it connected (and found exactly one entry for USERNAME), 5 when USERNAME matches no entry or "
                    + "several, 8 when the directory cannot be reached or refuses the service account.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "NAME",
                description = "The provider's name, as given with --ldap NAME:FILE.")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "USERNAME", description = "A username to look up.")
        String username;

        @Override
        public Integer call() {
            LocksmithCommand root = (LocksmithCommand) spec.root().userObject();
            root.configureLogging();
            Optional<Username> user = Optional.ofNullable(username).map(u -> Values.username(u, "USERNAME"));
            List<LdapProviderSettings> all = LdapProviderConfig.load(root.ldapProviders, root.environment()::variable);
            LdapProviderSettings settings = all.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(
                            "NAME",
                            "no --ldap provider is named '" + name + "'; given: "
                                    + all.stream()
                                            .map(LdapProviderSettings::name)
                                            .toList()));
            try (LdapSecurityProviders providers =
                    LdapSecurityProviders.builder().provider(settings).build()) {
                ProbeReport report = providers.probe(settings.name(), user);
                PrintWriter out = spec.commandLine().getOut();
                out.println("provider " + report.provider() + ": connected to " + report.server()
                        + " over TLS and bound as " + report.boundAs());
                if (report.username().isEmpty()) {
                    return ExitCode.OK.code();
                }
                String who = report.username().get();
                switch (report.entries().size()) {
                    case 0 ->
                        out.println(who + ": no entry under " + settings.baseDn() + " matches " + settings.userFilter()
                                + settings.groupFilter().map(g -> " and " + g).orElse(""));
                    case 1 ->
                        out.println(who + ": found " + report.entries().get(0)
                                + (report.disabled()
                                        ? " (disabled: matches "
                                                + settings.disabledFilter().orElse("") + "; cannot log in)"
                                        : ""));
                    default -> {
                        out.println(who + ": " + report.entries().size() + " entries match (claimed, but no login: "
                                + "a username must name one entry)");
                        report.entries().forEach(dn -> out.println("  " + dn));
                    }
                }
                out.flush();
                return report.entries().size() == 1 ? ExitCode.OK.code() : ExitCode.NOT_FOUND.code();
            }
        }
    }
}
