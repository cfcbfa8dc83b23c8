package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Core and this adapter agree on what an email address is: every address core's {@link EmailAddress} accepts,
 * the adapter accepts too and builds a whole message for, so "email password to user" is never offered for an
 * address that then fails as invalid input. Generated addresses mix valid shapes with the usual disagreements
 * (doubled, leading and trailing dots, specials, underscores and hyphens in the domain, long and non-ASCII
 * labels).
 */
class AddressAgreementPropertiesTest {

    private static final SmtpMailer MAILER = new SmtpMailer(
            SmtpSettings.builder()
                    .fromAddress(Fixtures.FROM)
                    .host("smtp.example.com")
                    .loginUrl(Fixtures.LOGIN_URL)
                    .build(),
            Fixtures.CLOCK);

    @Property(tries = 3000)
    // The coverage check below fails the property when too few addresses are accepted; no report otherwise.
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void every_address_core_accepts_the_adapter_can_build_a_message_for(@ForAll("addresses") String text)
            throws Exception {
        // The generator must keep producing addresses core accepts, or the property would prove little.
        Statistics.coverage(checker -> checker.check("accepted by core").percentage(p -> p >= 10));
        EmailAddress address;
        try {
            address = EmailAddress.of(text);
        } catch (InvalidInputException refused) {
            Statistics.collect("refused by core");
            return;
        }
        Statistics.collect("accepted by core");

        MailAddresses.requireDeliverable(address, "to");
        OutgoingMessage message = MAILER.compose(
                Session.getInstance(new Properties()),
                MAILER.settings().fromAddress(),
                address,
                "Zoë",
                "Subject",
                "body\r\n".getBytes(StandardCharsets.UTF_8));
        String envelope = MailAddresses.envelopeForm(address);
        assertThat(message.getHeader("To", null)).endsWith("<" + envelope + ">");
        message.writeTo(new ByteArrayOutputStream());
        if (!MailAddresses.needsSmtpUtf8(address)) {
            // Jakarta Mail's own strict RFC 822 check agrees on every ASCII envelope address.
            assertThat(new InternetAddress(envelope, true).getAddress()).isEqualTo(envelope);
        }
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> atom = Arbitraries.frequencyOf(
                Tuple.of(
                        8,
                        Arbitraries.strings()
                                .withChars("abcxyzABC0129")
                                .ofMinLength(1)
                                .ofMaxLength(6)),
                Tuple.of(
                        3,
                        Arbitraries.strings()
                                .withChars("ab!#$%&'*+-/=?^_`{|}~")
                                .ofMinLength(1)
                                .ofMaxLength(4)),
                Tuple.of(
                        2,
                        Arbitraries.strings().withChars("zéü中ß").ofMinLength(1).ofMaxLength(4)),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars("a:\"()<>[]\\,; @")
                                .ofMinLength(0)
                                .ofMaxLength(3)));
        Arbitrary<String> local = atom.list().ofMinSize(1).ofMaxSize(3).map(atoms -> String.join(".", atoms));
        Arbitrary<String> label = Arbitraries.frequencyOf(
                Tuple.of(
                        10,
                        Arbitraries.strings()
                                .withChars("abcxyz019")
                                .ofMinLength(1)
                                .ofMaxLength(8)),
                Tuple.of(
                        2, Arbitraries.strings().withChars("ab-").ofMinLength(1).ofMaxLength(5)),
                Tuple.of(
                        2,
                        Arbitraries.strings().withChars("abüöß中").ofMinLength(1).ofMaxLength(6)),
                Tuple.of(
                        1,
                        Arbitraries.strings().withChars("a_!/").ofMinLength(0).ofMaxLength(3)),
                Tuple.of(
                        1, Arbitraries.strings().withChars("xü").ofMinLength(58).ofMaxLength(66)));
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(3).map(labels -> String.join(".", labels));
        Arbitrary<String> prefix = Arbitraries.of("", "", "", ".", " ");
        Arbitrary<String> suffix = Arbitraries.of("", "", "", ".", "-");
        return Combinators.combine(prefix, local, domain, suffix).as((p, l, d, s) -> p + l + "@" + d + s);
    }
}
