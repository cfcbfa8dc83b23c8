package dev.locksmith.smtp;

import static dev.locksmith.smtp.Fixtures.refusedField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.InvalidInputException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SmtpSettings validates once, in build(), like an appliance's email settings page, and keeps its secret. */
class SmtpSettingsTest {

    private static SmtpSettings.Builder valid() {
        return SmtpSettings.builder()
                .fromAddress("noreply@locksmith.test")
                .host("smtp.example.com")
                .loginUrl("https://appliance.example/login");
    }

    /** Unencrypted SMTP to a relay the operator named trusted and local. */
    private static SmtpSettings.Builder plaintext() {
        return valid().encryption(SmtpSettings.Encryption.NONE).plaintextToTrustedLocalRelay(true);
    }

    @Test
    void defaults_are_starttls_on_587_with_finite_timeouts_a_15_second_deadline_and_jdk_trust() {
        SmtpSettings settings = valid().build();

        assertThat(settings.encryption()).isEqualTo(SmtpSettings.Encryption.STARTTLS);
        assertThat(settings.plaintextToTrustedLocalRelay()).isFalse();
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.sendDeadline()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.toString()).contains("send deadline=PT15S");
        assertThat(settings.username()).isEmpty();
        assertThat(settings.hasPassword()).isFalse();
        assertThat(settings.hasTrustedCertificates()).isFalse();
        assertThat(settings.fromName()).isEmpty();
        assertThat(settings.heloName()).isEmpty();
    }

    @Test
    void default_port_follows_the_encryption() {
        assertThat(valid().encryption(SmtpSettings.Encryption.SMTPS).build().port())
                .isEqualTo(465);
        assertThat(plaintext().build().port()).isEqualTo(25);
        assertThat(plaintext().port(2525).build().port()).isEqualTo(2525);
    }

    @Test
    void required_fields_are_named_when_missing() {
        assertThat(refusedField(SmtpSettings.builder().host("h.example").loginUrl("https://a.example/")))
                .isEqualTo("fromAddress");
        assertThat(refusedField(
                        SmtpSettings.builder().fromAddress("a@b.example").loginUrl("https://a.example/")))
                .isEqualTo("host");
        assertThat(refusedField(
                        SmtpSettings.builder().fromAddress("a@b.example").host("h.example")))
                .isEqualTo("loginUrl");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 100000})
    void refuses_ports_out_of_range(int port) {
        assertThat(refusedField(valid().port(port))).isEqualTo("port");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 999, 300_001, 86_400_000})
    void refuses_timeouts_outside_one_second_to_five_minutes(long millis) {
        Duration timeout = Duration.ofMillis(millis);
        assertThat(refusedField(valid().connectTimeout(timeout))).isEqualTo("connectTimeout");
        assertThat(refusedField(valid().readTimeout(timeout))).isEqualTo("readTimeout");
        assertThat(refusedField(valid().writeTimeout(timeout))).isEqualTo("writeTimeout");
        assertThat(refusedField(valid().sendDeadline(timeout))).isEqualTo("sendDeadline");
    }

    @Test
    void the_send_deadline_is_a_setting_of_its_own() {
        SmtpSettings settings = valid().timeouts(Duration.ofMinutes(2))
                .sendDeadline(Duration.ofSeconds(3))
                .build();

        assertThat(settings.sendDeadline()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> valid().sendDeadline(null))
                        .field())
                .isEqualTo("sendDeadline");
    }

    @Test
    void plaintext_is_refused_unless_the_operator_names_a_trusted_local_relay() {
        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> valid().encryption(SmtpSettings.Encryption.NONE).build());

        assertThat(refused.field()).isEqualTo("encryption");
        assertThat(refused).hasMessageContaining("clear text").hasMessageContaining("plaintextToTrustedLocalRelay");
        SmtpSettings trusted = plaintext().build();
        assertThat(trusted.encryption()).isEqualTo(SmtpSettings.Encryption.NONE);
        assertThat(trusted.plaintextToTrustedLocalRelay()).isTrue();
        assertThat(trusted.toString()).contains("plaintext to trusted local relay");
        // Encrypted connections need no such option.
        assertThat(valid().encryption(SmtpSettings.Encryption.SMTPS).build().plaintextToTrustedLocalRelay())
                .isFalse();
    }

    @Test
    void accepts_timeouts_at_both_ends_of_the_range() {
        SmtpSettings settings = valid().connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofMinutes(5))
                .writeTimeout(Duration.ofSeconds(1))
                .build();

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://appliance.example/",
                "javascript:alert(1)",
                "/login",
                "https://",
                "mailto:a@b.example",
                "https://user:secret@appliance.example/",
                "https://appliance.example/a b",
                "https://appliance.example/\r\nX",
                ""
            })
    void refuses_login_urls_that_are_not_plain_http_or_https(String url) {
        assertThat(refusedField(valid().loginUrl(url))).isEqualTo("loginUrl");
    }

    @Test
    void accepts_http_and_https_login_urls() {
        assertThat(valid().loginUrl("http://10.0.0.1:8080/admin").build().loginUrl())
                .hasToString("http://10.0.0.1:8080/admin");
        assertThat(valid().loginUrl("HTTPS://Appliance.example/login?next=%2F")
                        .build()
                        .loginUrl()
                        .getHost())
                .isEqualTo("Appliance.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bad host",
                "-bad.example",
                "a..b.example",
                "bad_host.example",
                "smtp.example.com\r\n",
                "1.2.3.4.5:25",
                "[zz::1]",
                "1:2:3",
                "1::2::3",
                "1:2:3:4:5:6:7:8:9",
                ""
            })
    void refuses_host_names_that_are_not_host_names(String host) {
        assertThat(refusedField(valid().host(host))).isEqualTo("host");
    }

    @Test
    void normalizes_host_names_and_accepts_ip_literals() {
        assertThat(valid().host("SMTP.Example.COM").build().host()).isEqualTo("smtp.example.com");
        assertThat(valid().host("bücher.example").build().host()).isEqualTo("xn--bcher-kva.example");
        assertThat(valid().host("192.0.2.25").build().host()).isEqualTo("192.0.2.25");
        assertThat(valid().host("[2001:db8::25]").build().host()).isEqualTo("2001:db8::25");
        assertThat(valid().host("::1").build().host()).isEqualTo("::1");
        assertThat(valid().host("1:2:3:4:5:6:7:8").build().host()).isEqualTo("1:2:3:4:5:6:7:8");
        assertThat(valid().host("::ffff:192.0.2.1").build().host()).isEqualTo("::ffff:192.0.2.1");
    }

    @Test
    void credentials_go_together_and_have_no_control_characters() {
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> valid().credentials("user", null))
                        .field())
                .isEqualTo("password");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class, () -> valid().credentials(null, "pw".toCharArray()))
                        .field())
                .isEqualTo("username");
        assertThat(refusedField(valid().credentials("", "pw".toCharArray()))).isEqualTo("username");
        assertThat(refusedField(valid().credentials("user", new char[0]))).isEqualTo("password");
        assertThat(refusedField(valid().credentials("user", "pw\u0000x".toCharArray())))
                .isEqualTo("password");
        assertThat(refusedField(valid().credentials("us\r\ner", "pw".toCharArray())))
                .isEqualTo("username");
    }

    @Test
    void credentials_over_an_unencrypted_connection_need_an_explicit_opt_in() {
        SmtpSettings.Builder plain = plaintext().credentials("relay", "relay-password".toCharArray());

        assertThat(refusedField(plain)).isEqualTo("password");
        assertThat(plain.allowPlaintextAuthentication(true).build().plaintextAuthenticationAllowed())
                .isTrue();
    }

    @Test
    void the_smtp_password_is_copied_and_redacted() {
        char[] secret = "Relay-Secret-55".toCharArray();
        SmtpSettings settings = valid().credentials("relay", secret).build();
        Arrays.fill(secret, '\0');

        assertThat(settings.hasPassword()).isTrue();
        assertThat(settings.passwordForConnect()).isEqualTo("Relay-Secret-55");
        assertThat(settings.toString())
                .contains("username=relay", "password=[redacted]")
                .doesNotContain("Relay-Secret-55");
    }

    @Test
    void trusted_certificates_need_tls_and_at_least_one_certificate() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);

        assertThat(refusedField(valid().trustStore(empty))).isEqualTo("trustStore");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> valid().trustCertificates())
                        .field())
                .isEqualTo("trustStore");
        assertThat(refusedField(plaintext().trustCertificates(TestTls.certificate())))
                .isEqualTo("trustStore");
        SmtpSettings pinned = valid().trustCertificates(TestTls.certificate()).build();
        assertThat(pinned.hasTrustedCertificates()).isTrue();
        assertThat(pinned.toString()).contains("trust=1 configured certificate(s)");
    }

    @Test
    void an_expired_pinned_certificate_is_refused_unless_the_operator_accepts_it() {
        X509Certificate expired = TestTls.selfSigned("-10d", 1);

        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> valid().trustCertificates(expired).build());
        assertThat(refused.field()).isEqualTo("trustStore");
        assertThat(refused).hasMessageContaining("CN=localhost expired at");

        SmtpSettings accepted = valid().trustCertificates(expired)
                .acceptTrustedCertificatesOutsideValidity(true)
                .build();
        assertThat(accepted.hasTrustedCertificates()).isTrue();
        assertThat(accepted.trustedCertificatesOutsideValidityAccepted()).isTrue();
        assertThat(accepted.toString()).contains("trust=1 configured certificate(s) (outside validity accepted)");
    }

    @Test
    void a_pinned_certificate_not_yet_valid_is_refused_unless_the_operator_accepts_it() throws Exception {
        X509Certificate future = TestTls.selfSigned("+10d", 30);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("current", TestTls.certificate());
        store.setCertificateEntry("future", future);

        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class, () -> valid().trustStore(store).build());
        assertThat(refused.field()).isEqualTo("trustStore");
        assertThat(refused).hasMessageContaining("is not valid before");

        assertThat(valid().trustStore(store)
                        .acceptTrustedCertificatesOutsideValidity(true)
                        .build()
                        .hasTrustedCertificates())
                .isTrue();
        // A certificate within its validity needs no such acceptance.
        assertThat(valid().trustCertificates(TestTls.certificate())
                        .build()
                        .trustedCertificatesOutsideValidityAccepted())
                .isFalse();
    }

    @Test
    void a_sender_address_smtp_cannot_carry_is_refused_by_core_already() {
        // SMTP cannot carry a local part with ".." unquoted; core's EmailAddress refuses it too (they agree).
        InvalidInputException refused =
                catchThrowableOfType(InvalidInputException.class, () -> valid().fromAddress("a..b@locksmith.test"));

        assertThat(refused.field()).isEqualTo("email");
    }

    @Test
    void settings_always_name_a_relay_so_every_mailer_is_configured() {
        // A host without a relay builds no settings and gives Locksmith no mailer (core's "not configured").
        assertThat(refusedField(valid().host(null))).isEqualTo("host");
        assertThat(refusedField(valid().loginUrl(null))).isEqualTo("loginUrl");
        assertThat(refusedField(SmtpSettings.builder().host("smtp.locksmith.test")))
                .isEqualTo("fromAddress");

        assertThat(new SmtpMailer(valid().build()).isConfigured()).isTrue();
        assertThat(new SmtpMailer(plaintext().build()).isConfigured()).isTrue();
    }
}
