package dev.locksmith.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.EmailAddress;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.Mailer;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No value can start a header of its own: CR, LF and every other control character (and line separators, bidi
 * overrides, broken surrogates) in anything that reaches a header or the SMTP dialogue is refused with
 * {@link InvalidInputException} before a connection is opened, which the server's connection count proves.
 */
class HeaderInjectionTest {

    private static ScriptedSmtpServer server;
    private static SmtpMailer mailer;

    @BeforeAll
    static void start() throws IOException {
        server = ScriptedSmtpServer.builder().start();
        mailer = new SmtpMailer(
                Fixtures.base()
                        .encryption(SmtpSettings.Encryption.NONE)
                        .plaintextToTrustedLocalRelay(true)
                        .port(server.port())
                        .build(),
                Fixtures.CLOCK);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Eve\r\nBcc: victim@evil.test",
                "Eve\nBcc: victim@evil.test",
                "Eve\rBcc: x",
                "Eve\u0000",
                "Eve\tTab",
                "Eve\u0085Next",
                "Eve\u2028Bcc: x",
                "Eve\u2029",
                "Eve\u202Eevil",
                "Eve\uD800",
                "Eve\u007F"
            })
    void refuses_control_characters_in_the_display_name_of_a_new_password_message(String name) {
        try (Password password = Password.of("injection-test-password")) {
            InvalidInputException refused = catchThrowableOfType(
                    InvalidInputException.class,
                    () -> mailer.sendNewPassword(new Mailer.NewPassword(
                            EmailAddress.of("eve@locksmith.test"),
                            name,
                            Username.of("eve"),
                            password,
                            Optional.empty())));

            assertThat(refused).isNotNull();
            assertThat(refused.field()).isEqualTo("displayName");
            assertThat(refused.getMessage()).doesNotContain("injection-test-password");
        }
        assertThat(server.connections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Eve\r\nBcc: victim@evil.test", "Eve\nX", "Eve\u0000"})
    void refuses_control_characters_in_the_display_name_of_a_notice(String name) {
        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> mailer.sendPasswordChanged(new Mailer.PasswordChanged(
                        EmailAddress.of("eve@locksmith.test"), name, Username.of("eve"), Fixtures.NOW, false)));

        assertThat(refused.field()).isEqualTo("displayName");
        assertThat(server.connections()).isZero();
    }

    @Test
    void refuses_an_over_long_display_name() {
        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> mailer.sendPasswordChanged(new Mailer.PasswordChanged(
                        EmailAddress.of("eve@locksmith.test"),
                        "e".repeat(SmtpSettings.MAX_NAME_LENGTH + 1),
                        Username.of("eve"),
                        Fixtures.NOW,
                        false)));

        assertThat(refused.field()).isEqualTo("displayName");
        assertThat(server.connections()).isZero();
    }

    @Test
    void refuses_null_messages_and_addresses_with_a_typed_error() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> mailer.sendNewPassword(null))
                        .field())
                .isEqualTo("message");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> mailer.sendTestMessage(null))
                        .field())
                .isEqualTo("to");
        assertThat(server.connections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eve\r\n@locksmith.test", "eve@locksmith.test\r\nBcc: x@evil.test", "eve\u0000@x.test"})
    void addresses_with_line_breaks_cannot_even_be_made(String address) {
        // Core's EmailAddress refuses them, so no such address ever reaches the mailer.
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> EmailAddress.of(address))
                        .field())
                .isEqualTo("email");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".leading@locksmith.test",
                "trailing.@locksmith.test",
                "a..b@locksmith.test",
                "colon:x@locksmith.test",
                "eve@-bad-.example",
                "eve@under_score.example"
            })
    void addresses_that_smtp_cannot_carry_as_they_are_cannot_even_be_made(String text) {
        // Core's EmailAddress and this adapter agree (AddressAgreementPropertiesTest): core refuses them, so "email
        // password to user" is never offered for an address the mailer would then refuse.
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> EmailAddress.of(text))
                        .field())
                .isEqualTo("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Locksmith\r\nBcc: victim@evil.test", "Locksmith\n", "Lock\u0000smith"})
    void refuses_control_characters_in_the_sender_name_when_settings_are_built(String name) {
        assertThat(Fixtures.refusedField(Fixtures.base().fromName(name))).isEqualTo("fromName");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client\r\nMAIL FROM:<x@evil.test>", "client\n", "client name"})
    void refuses_a_helo_name_that_would_inject_an_smtp_command(String name) {
        assertThat(Fixtures.refusedField(Fixtures.base().heloName(name))).isEqualTo("heloName");
    }

    @Test
    void a_display_name_shaped_like_an_encoded_word_is_shown_as_the_literal_text() throws Exception {
        String name = "=?UTF-8?B?QWRtaW4gPGV2aWxAYXR0YWNrZXIuZXhhbXBsZT4=?=";

        jakarta.mail.internet.InternetAddress header =
                MailAddresses.internetAddress(EmailAddress.of("bob@example.com"), name);

        // What a mail client shows: the header parsed back, encoded words decoded.
        jakarta.mail.internet.InternetAddress shown = new jakarta.mail.internet.InternetAddress(header.toString());
        assertThat(shown.getPersonal()).isEqualTo(name).doesNotContain("evil@attacker.example");
        assertThat(shown.getAddress()).isEqualTo("bob@example.com");
    }
}
