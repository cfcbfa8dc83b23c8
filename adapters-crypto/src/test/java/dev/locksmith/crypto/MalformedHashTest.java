package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed, non-canonical, unknown and out-of-bounds hash strings are refused with HASH_UNSUPPORTED by both
 * verify and needsRehash, before any hash is computed (observed through the computation hook).
 */
class MalformedHashTest {
    /** A valid reference-tool hash ("password", salt "somesalt", argon2i m=4096 t=3 p=1), for context. */
    static final String VALID_ARGON2 =
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A";

    static final String VALID_BCRYPT = "$2y$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6";

    static final List<String> MALFORMED_ARGON2 = List.of(
            // structure
            "$argon2i",
            "$argon2i$",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$",
            "$argon2i$v=19$m=4096,t=3,p=1$$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A$",
            "argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            // variant and version
            "$argon2$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2x$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$Argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=20$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=13$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=019$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$x=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            // parameters: repeated, extras, syntax (any order is accepted: node's argon2 writes m,p,t)
            "$argon2i$v=19$m=4096,m=4096,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1,keyid=AAAA$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1,data=AAAA$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=04096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=+4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=-4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1,$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4k,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=0x1000,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1\u0000$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A"
                    .replace("\u0000", "%00"),
            // absurd or impossible costs
            "$argon2i$v=19$m=4294967295,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=99999999999999999999,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=262145,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=0,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=33,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=4294967295,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=0$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=256$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=15,t=3,p=2$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=0,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            // salt and tag sizes and Base64
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbA$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1$" + "c29tZXNhbHRz".repeat(8) + "$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6F",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$" + "iWh06vD8Fy27wf9n".repeat(12),
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ=$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A=",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHR$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8B",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8AAA",
            "$argon2i$v=19$m=4096,t=3,p=1$c29t-XNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z_A",
            "$argon2i$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$iWh06vD8Fy27wf9npn6FXWiCX4K6pW6Ue1Bnzz07Z8A.");

    static final List<String> MALFORMED_BCRYPT = List.of(
            "$2y$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ",
            "$2y$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ66",
            "$2x$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2c$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$03$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$17$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$31$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$99$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$4$$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$a4$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$04ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6$",
            "$2y$04$ec9rd9pBG84rZHzBVBvPZPUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6",
            "$2y$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ7",
            "$2y$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGG+6",
            "$2y$04$ec9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGG=6",
            "$2y$04$$c9rd9pBG84rZHzBVBvPZOUsxY8Y88a5IupIr0tx66xWhHdtPGGJ6");

    static Stream<String> malformed() {
        return Stream.concat(MALFORMED_ARGON2.stream(), MALFORMED_BCRYPT.stream());
    }

    static Stream<String> unknown() {
        return Stream.of(
                "plaintext",
                "$1$saltsalt$qYUl3KAOUIBNUFnNybNc71",
                "$5$rounds=5000$salt$hash",
                "$6$salt$hash",
                "$scrypt$ln=16,r=8,p=1$c2FsdA$aGFzaA",
                "$pbkdf2-sha256$29000$c2FsdA$aGFzaA",
                "{SSHA}c2FsdHNhbHQ=",
                "$y$j9T$salt$hash",
                "$",
                "$$",
                "$argon",
                "$argon2",
                "$2",
                "$2y$");
    }

    private final CountingObserver counting = new CountingObserver();
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Settings.defaults(), counting);

    @ParameterizedTest
    @MethodSource({"malformed", "unknown"})
    void verify_refuses_it_as_unsupported_without_computing(String value) {
        assertThatThrownBy(() -> hasher.verify(Password.of("password"), new PasswordHash(value)))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED));
        assertThat(counting.computations).hasValue(0);
    }

    @ParameterizedTest
    @MethodSource({"malformed", "unknown"})
    void needs_rehash_refuses_it_as_unsupported(String value) {
        assertThatThrownBy(() -> hasher.needsRehash(new PasswordHash(value)))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED));
    }

    @ParameterizedTest
    @MethodSource({"malformed", "unknown"})
    void the_refusal_never_echoes_the_stored_string(String value) {
        assertThatThrownBy(() -> hasher.verify(Password.of("password"), new PasswordHash(value)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(value));
    }

    @org.junit.jupiter.api.Test
    void the_valid_strings_these_cases_are_made_from_do_verify() {
        assertThat(hasher.verify(Password.of("password"), new PasswordHash(VALID_ARGON2)))
                .isTrue();
        assertThat(hasher.verify(Password.of("password"), new PasswordHash(VALID_BCRYPT)))
                .isTrue();
        assertThat(counting.computations).hasValue(2);
    }
}
