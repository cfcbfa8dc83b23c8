package dev.locksmith.cli;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.MailException;
import dev.locksmith.smtp.SmtpMailer;
import dev.locksmith.smtp.SmtpSettings;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code locksmith mail ...}: the mail settings. */
@Command(name = "mail", description = "Check the mail settings.", subcommands = MailCommand.Test.class)
final class MailCommand extends GroupCommand {
    /** {@code locksmith mail test --to ADDRESS}. */
    @Command(
            name = "test",
            description = "Send a test message through the --mail-config settings, to see that they "
                    + "work. Opens no store and touches no account. Exit 7 when mail is off or the relay refuses.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "Where to send it.")
        String to;

        @Override
        public Integer call() {
            LocksmithCommand root = (LocksmithCommand) spec.root().userObject();
            root.configureLogging();
            EmailAddress address = EmailAddress.of(to);
            SmtpSettings settings = root.settings()
                    .mailConfig()
                    .flatMap(file -> MailConfig.load(
                                    file, name -> root.environment().variable(name))
                            .settings())
                    .orElseThrow(MailException::notConfigured);
            new SmtpMailer(settings, Clock.systemUTC()).sendTestMessage(address);
            spec.commandLine()
                    .getOut()
                    .println("Test message sent to " + address.value() + " through " + settings.host() + ":"
                            + settings.port() + " (" + settings.encryption() + ").");
            return ExitCode.OK.code();
        }
    }
}
