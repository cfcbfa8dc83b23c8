package dev.locksmith.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any input, however broken, gives entries or an {@link LdifFormatException} with a line inside the file. */
class LdifPropertiesTest {

    private static final Set<String> TYPES = Set.of("uid", "mail");

    @Property(tries = 500)
    void arbitrary_bytes_parse_or_fail_with_a_format_error(@ForAll byte[] bytes) {
        parseOrFail(bytes);
    }

    @Property(tries = 1000)
    void ldif_like_text_parses_or_fails_with_a_format_error(@ForAll("ldifLike") String text) {
        parseOrFail(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> ldifLike() {
        Arbitrary<String> line = Arbitraries.of(
                "dn: uid=a,dc=x",
                "dn:: dWlkPWE=",
                "uid: Alice",
                "uid:: QWxpY2U=",
                "uid:: !!",
                "mail: a@b",
                "uid;lang-en: b",
                "uid:< file:///x",
                "photo:< file:///x",
                "# comment",
                " continued",
                "  ",
                "",
                "version: 1",
                "version: 2",
                "changetype: add",
                "changetype: modify",
                "changetype: nonsense",
                "control: 1.2.3 true",
                "-",
                "no colon",
                ":",
                "uid:",
                "x y: z",
                "uid: \u00e9",
                "uid: a\u0000b",
                "uid: John Smith",
                "0.9.2342.19200300.100.1.1: c");
        Arbitrary<String> separator = Arbitraries.of("\n", "\r\n", "\r");
        return Combinators.combine(line.list().ofMaxSize(30), separator.list().ofSize(30))
                .as((lines, separators) -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < lines.size(); i++) {
                        text.append(lines.get(i)).append(separators.get(i));
                    }
                    return text.toString();
                });
    }

    private static void parseOrFail(byte[] bytes) {
        long newlines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                newlines++;
            }
        }
        long lines = newlines + 1;
        try {
            LdifParser.Result result = LdifParser.parse("fuzz.ldif", bytes, TYPES);
            assertThat(result.entries())
                    .allSatisfy(entry -> assertThat(entry.line()).isBetween(1, (int) lines));
        } catch (LdifFormatException e) {
            assertThat(e.file()).isEqualTo("fuzz.ldif");
            assertThat((long) e.line()).isBetween(1L, lines);
        }
    }
}
