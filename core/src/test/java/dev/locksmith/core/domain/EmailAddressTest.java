package dev.locksmith.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An email address core accepts is one SMTP can carry as is: dot-atom local parts (or UTF-8 ones) and host-name
 * domains. The SMTP adapter's property test checks the same from its side over generated addresses.
 */
class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice@example.com",
                "w.w@Example.ORG",
                "o'brien--%_/*x*/!@example.com",
                "a.b.c@mail.example.co.uk",
                "zoë@bücher.example",
                "zoe@xn--bcher-kva.example",
                "x@localhost",
                "1234@192.0.2.1",
                "{tag}|~^`=?#$&@example.com"
            })
    void accepts_addresses_smtp_carries_as_they_are(String address) {
        assertThat(EmailAddress.of(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a..b@example.com",
                ".a@example.com",
                "a.@example.com",
                ".@example.com",
                "a:b@example.com",
                "a@exa_mple.com",
                "a@-example.com",
                "a@example-.com",
                "a@exa..mple.com",
                "a@.example.com",
                "a@example.com.",
                "a@exa!mple.com",
                "a@exa/mple.com",
                "a@b@example.com",
                "\"quoted\"@example.com",
                "a@[192.0.2.1]",
                "a b@example.com",
                "a@example.com\r\nBcc: x@evil.test",
                "@example.com",
                "a@",
                "no-at-sign"
            })
    void refuses_addresses_smtp_cannot_carry_unquoted(String address) {
        InvalidInputException refused =
                catchThrowableOfType(InvalidInputException.class, () -> EmailAddress.of(address));

        assertThat(refused).as(address).isNotNull();
        assertThat(refused.field()).isEqualTo("email");
    }

    @org.junit.jupiter.api.Test
    void domain_labels_are_at_most_63_characters() {
        assertThat(EmailAddress.of("a@" + "x".repeat(63) + ".example").domain()).startsWith("x".repeat(63));
        assertThat(catchThrowableOfType(
                        InvalidInputException.class, () -> EmailAddress.of("a@" + "x".repeat(64) + ".example")))
                .isNotNull();
    }

    @org.junit.jupiter.api.Test
    void a_non_ascii_domain_label_counts_in_its_ascii_form() {
        // 61 characters fit in a label as text, but not once converted: "xn--" + 60 letters + "-" + the encoding.
        String label = "x".repeat(60) + "ü";

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> EmailAddress.of("a@" + label + ".example")))
                .isNotNull();
        assertThat(EmailAddress.of("a@" + "x".repeat(50) + "ü.example").domain())
                .endsWith("ü.example");
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void local_parts_are_at_most_64_characters(int length) {
        String address = "l".repeat(length) + "@example.com";

        if (length <= 64) {
            assertThat(EmailAddress.of(address).localPart()).hasSize(length);
        } else {
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> EmailAddress.of(address)))
                    .isNotNull();
        }
    }
}
