package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.port.PasswordHasher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PasswordHasher}, run against every implementation: round trip, wrong passwords,
 * NFKC-equivalent spellings, fresh salts, refusal of malformed or unknown hashes (never a false match),
 * "needs rehash" on fresh hashes, and thread safety.
 *
 * <p>Subclasses supply the hasher, configured with fast (test-only) parameters.
 */
public abstract class PasswordHasherContract {

    /** The implementation under test; may return the same instance each time. */
    protected abstract PasswordHasher hasher();

    /**
     * Strings that are valid {@link PasswordHash} values but no hasher can accept. Subclasses may add their own
     * algorithm's malformed cases.
     */
    protected List<String> malformedHashes() {
        return List.of(
                "not-a-hash",
                "$",
                "$$",
                "$$$$$$",
                "$unknown-algorithm$v=1$m=1,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                "$1$saltsalt$qYUl3KAOUIBNUFnNybNc71",
                "$argon2id$v=19$m=19456,t=2,p=1$$",
                "$argon2id$v=19$m=,t=,p=$c2FsdHNhbHRzYWx0c2FsdA$",
                "$argon2id$v=19$m=19456,t=2,p=1",
                "$2y$04$short",
                "{SSHA}c2FsdHNhbHRzYWx0c2FsdA==");
    }

    private static Password pw(String text) {
        return Password.of(text);
    }

    @Test
    void a_fresh_hash_verifies_with_its_password() {
        PasswordHash hash = hasher().hash(pw("correct horse battery staple"));

        assertThat(hasher().verify(pw("correct horse battery staple"), hash)).isTrue();
    }

    @Test
    void a_wrong_password_does_not_verify() {
        PasswordHash hash = hasher().hash(pw("correct horse battery staple"));

        for (String wrong : List.of(
                "correct horse battery stapl",
                "correct horse battery staple ",
                "Correct horse battery staple",
                "correct horse battery staplf",
                "",
                "x")) {
            assertThat(hasher().verify(pw(wrong), hash)).as("verify %s", wrong).isFalse();
        }
    }

    @Test
    void nfkc_equivalent_spellings_verify() {
        // Precomposed e-acute versus e + combining acute; ligature fi, fullwidth letters and circled digit
        // versus their compatibility decompositions.
        PasswordHash composed = hasher().hash(pw("caf\u00e9 \ufb01ve \uff26\uff55\uff4c\uff4c \u2460"));

        assertThat(hasher().verify(pw("cafe\u0301 five Full 1"), composed)).isTrue();
        assertThat(hasher().verify(pw("cafe five Full 1"), composed)).isFalse();
    }

    @Test
    void non_ascii_passwords_round_trip() {
        String text = "p\u00e4ssw\u00f6rd \u65e5\u672c\u8a9e \ud83d\udd11";
        PasswordHash hash = hasher().hash(pw(text));

        assertThat(hasher().verify(pw(text), hash)).isTrue();
        assertThat(hasher().verify(pw("p\u00e4ssw\u00f6rd \u65e5\u672c\u8a9e"), hash))
                .isFalse();
    }

    @Test
    void each_hash_of_one_password_has_a_fresh_salt_and_all_verify() {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            PasswordHash hash = hasher().hash(pw("same password every time"));
            values.add(hash.value());
            assertThat(hasher().verify(pw("same password every time"), hash)).isTrue();
        }

        assertThat(values).hasSize(8);
    }

    @Test
    void the_hash_does_not_contain_the_password() {
        String text = "plainly-visible-password";
        PasswordHash hash = hasher().hash(pw(text));

        assertThat(hash.value()).doesNotContain(text);
        assertThat(hash.toString()).doesNotContain(text);
    }

    @Test
    void a_malformed_or_unknown_hash_is_refused_as_unsupported() {
        for (String malformed : malformedHashes()) {
            UnavailableException e = catchThrowableOfType(
                    UnavailableException.class,
                    () -> hasher().verify(pw("any password at all"), new PasswordHash(malformed)));

            assertThat(e).as("verify against %s", malformed).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED);
        }
    }

    @Test
    void a_tampered_hash_never_matches_its_password() {
        String text = "tamper with me";
        String value = hasher().hash(pw(text)).value();
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            char replacement = value.charAt(i) == 'A' ? 'B' : 'A';
            variants.add(value.substring(0, i) + replacement + value.substring(i + 1));
        }
        variants.add(value.substring(0, value.length() - 1));
        variants.add(value + "A");
        variants.add(value + "$");

        for (String variant : variants) {
            boolean matched;
            try {
                matched = hasher().verify(pw(text), new PasswordHash(variant));
            } catch (UnavailableException e) {
                assertThat(e.reason()).as("refusal of %s", variant).isEqualTo(Reason.HASH_UNSUPPORTED);
                matched = false;
            }
            assertThat(matched).as("verify against %s", variant).isFalse();
        }
    }

    @Test
    void a_fresh_hash_does_not_need_rehash() {
        assertThat(hasher().needsRehash(hasher().hash(pw("fresh and current")))).isFalse();
    }

    @Test
    void hashes_and_verifies_from_several_threads_at_once() throws Exception {
        PasswordHasher hasher = hasher();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String text = "thread password " + i;
                tasks.add(() -> {
                    PasswordHash hash = hasher.hash(pw(text));
                    return hasher.verify(pw(text), hash) && !hasher.verify(pw(text + "!"), hash);
                });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }
}
