package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.PasswordHash;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Fuzzing of stored hash strings: arbitrary text, PHC-shaped text with arbitrary fields, and random edits of
 * valid Argon2 and bcrypt hashes. Whatever the string, verify returns false or throws UnavailableException
 * with HASH_UNSUPPORTED (never another exception, never a match unless the string is the original), and
 * needsRehash accepts exactly the strings verify accepts.
 */
class HashFuzzTest {
    private static final String PASSWORD = "fuzz me gently";
    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher(Argon2Settings.builder()
            .testOnly()
            .memoryKiB(16)
            .iterations(1)
            .parallelism(1)
            .maxVerificationMemoryKiB(256)
            .build());
    private static final String VALID_ARGON2 =
            HASHER.hash(Password.of(PASSWORD)).value();
    /** htpasswd -nbB -C 4 user password (see bcrypt-fixtures.tsv). */
    private static final String VALID_BCRYPT = MalformedHashTest.VALID_BCRYPT;

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void arbitrary_text_never_matches_and_never_crashes(
            @ForAll @StringLength(min = 1, max = 200) @CharRange(from = '!', to = '~') String value) {
        checkNeverMatches(value, PASSWORD);
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void arbitrary_text_after_a_known_prefix_never_matches_and_never_crashes(
            @ForAll("prefixes") String prefix,
            @ForAll @StringLength(max = 120) @CharRange(from = '!', to = '~') String rest) {
        checkNeverMatches(prefix + rest, PASSWORD);
    }

    @Property(tries = 1500)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void phc_shaped_text_with_arbitrary_fields_never_matches(@ForAll("phcShaped") String value) {
        checkNeverMatchesSomeComputed(value, PASSWORD);
    }

    @Property(tries = 1500)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void edited_argon2_hash_never_matches(@ForAll("argon2Edits") String value) {
        Assume.that(!value.equals(VALID_ARGON2));
        checkNeverMatchesSomeComputed(value, PASSWORD);
    }

    @Property(tries = 1000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void edited_bcrypt_hash_never_matches(@ForAll("bcryptEdits") String value) {
        Assume.that(!value.equals(VALID_BCRYPT));
        // Keep the run short: an edit that turns the cost 04 into 10..16 is valid but slow to check.
        Assume.that(value.length() < 6 || !value.startsWith("$2") || value.charAt(4) != '1');
        checkNeverMatchesSomeComputed(value, "password");
    }

    @Property(tries = 50)
    void the_unedited_hashes_do_match(@ForAll("prefixes") String ignored) {
        assertThat(HASHER.verify(Password.of(PASSWORD), new PasswordHash(VALID_ARGON2)))
                .isTrue();
        assertThat(HASHER.verify(Password.of("password"), new PasswordHash(VALID_BCRYPT)))
                .isTrue();
    }

    private static void checkNeverMatches(String value, String password) {
        PasswordHash hash = new PasswordHash(value);
        boolean verifyAccepted;
        try {
            assertThat(HASHER.verify(Password.of(password), hash))
                    .as("verify %s", value)
                    .isFalse();
            verifyAccepted = true;
        } catch (UnavailableException e) {
            assertThat(e.reason()).as("refusal of %s", value).isEqualTo(Reason.HASH_UNSUPPORTED);
            verifyAccepted = false;
        }
        boolean rehashAccepted;
        try {
            HASHER.needsRehash(hash);
            rehashAccepted = true;
        } catch (UnavailableException e) {
            assertThat(e.reason()).isEqualTo(Reason.HASH_UNSUPPORTED);
            rehashAccepted = false;
        }
        assertThat(rehashAccepted)
                .as("needsRehash accepts %s as verify does", value)
                .isEqualTo(verifyAccepted);
        Statistics.collect(verifyAccepted ? "computed, no match" : "refused as unsupported");
    }

    /**
     * {@link #checkNeverMatches}, and the property fails unless some of its tries reached a real hash computation
     * rather than a refusal (a few percent do): otherwise it would prove only that the parser refuses, not that
     * a hash of edited parameters never matches.
     */
    private static void checkNeverMatchesSomeComputed(String value, String password) {
        checkNeverMatches(value, password);
        Statistics.coverage(checker -> checker.check("computed, no match").count(count -> count > 0));
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of(
                "$argon2id$",
                "$argon2i$",
                "$argon2d$",
                "$argon2id$v=19$",
                "$argon2i$v=16$",
                "$argon2id$v=19$m=16,t=1,p=1$",
                "$2a$",
                "$2b$04$",
                "$2y$05$",
                "$",
                "$$");
    }

    @Provide
    Arbitrary<String> phcShaped() {
        Arbitrary<String> variant = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("argon2id", "argon2i", "argon2d")),
                Tuple.of(1, Arbitraries.of("argon2", "argon2x", "ARGON2ID", "argon2id_", "")));
        Arbitrary<String> odd = Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().numeric().ofMaxLength(25),
                Arbitraries.of("", "-1", "0", "01", "+1", "4294967296", "2147483648", "1e3", "_1"));
        // Mostly plausible numbers, so that many tries get past parsing and really compute.
        Arbitrary<String> memory = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(8, 300).map(String::valueOf)), Tuple.of(1, odd));
        Arbitrary<String> small = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(1, 4).map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(0, 300).map(String::valueOf)),
                Tuple.of(1, odd));
        Arbitrary<String> version = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(4, Arbitraries.of("16", "19").map(v -> "$v=" + v)),
                Tuple.of(1, odd.map(v -> "$v=" + v)));
        Arbitrary<String> base64 = Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        Arbitraries.bytes()
                                .array(byte[].class)
                                .ofMaxSize(100)
                                .map(b -> Base64.getEncoder().withoutPadding().encodeToString(b))),
                Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                                .ofMaxLength(120)));
        return Combinators.combine(variant, version, memory, small, small, base64, base64)
                .as((v, ver, m, t, p, salt, tag) ->
                        "$" + v + ver + "$m=" + m + ",t=" + t + ",p=" + p + "$" + salt + "$" + tag);
    }

    @Provide
    Arbitrary<String> argon2Edits() {
        return edits(VALID_ARGON2);
    }

    @Provide
    Arbitrary<String> bcryptEdits() {
        return edits(VALID_BCRYPT);
    }

    /** One to four random replacements, insertions, deletions or duplications of a slice. */
    private static Arbitrary<String> edits(String base) {
        Arbitrary<int[]> edit = Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.integers().between(0, 1_000_000),
                        Arbitraries.chars().range('!', '~'))
                .as((kind, a, b, c) -> new int[] {kind, a, b, c});
        return edit.list().ofMinSize(1).ofMaxSize(4).map(list -> apply(base, list));
    }

    private static String apply(String base, List<int[]> edits) {
        StringBuilder s = new StringBuilder(base);
        for (int[] e : edits) {
            int at = s.length() == 0 ? 0 : e[1] % s.length();
            switch (e[0]) {
                case 0 -> {
                    if (s.length() > 0) {
                        s.setCharAt(at, (char) e[3]);
                    }
                }
                case 1 -> s.insert(at, (char) e[3]);
                case 2 -> {
                    if (s.length() > 1) {
                        s.deleteCharAt(at);
                    }
                }
                default -> {
                    int end = Math.min(s.length(), at + 1 + e[2] % 12);
                    s.insert(at, s.substring(at, end));
                }
            }
        }
        return s.length() > 1024 ? s.substring(0, 1024) : s.toString();
    }
}
