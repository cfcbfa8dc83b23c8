package dev.locksmith.ldap;

import static dev.locksmith.ldap.Fixtures.fixture;
import static dev.locksmith.ldap.Fixtures.oneProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.LocksmithException;
import dev.locksmith.core.domain.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed LDIF fixtures: each is refused with a typed error naming the file and the line of the fault. */
class MalformedLdifTest {

    @ParameterizedTest(name = "{0} fails at line {1}")
    @CsvSource(delimiter = '|', textBlock = """
            missing-dn.ldif               | 6 | record does not start with "dn:" (found "objectClass:")
            version-not-first.ldif        | 4 | record does not start with "dn:" (found "version:")
            bad-base64.ldif               | 5 | invalid base64 value of userPassword
            bad-base64-folded.ldif        | 3 | invalid base64 value of uid
            dn-not-base64.ldif            | 4 | invalid base64 value of dn
            continuation-at-start.ldif    | 1 | continuation line (starting with a space) at the start of the file or after a blank line: nothing to continue
            continuation-after-blank.ldif | 4 | continuation line (starting with a space) at the start of the file or after a blank line: nothing to continue
            no-colon.ldif                 | 2 | line has no ':' (expected "attribute: value")
            invalid-attribute.ldif        | 2 | invalid attribute description before ':'
            two-dns.ldif                  | 3 | a second "dn:" in one record (is a blank line missing between entries?)
            unknown-changetype.ldif       | 3 | unknown changetype (expected add, delete, modify, modrdn or moddn)
            version-2.ldif                | 1 | unsupported LDIF version (only version 1 is defined)
            url-username.ldif             | 3 | URL value for username attribute uid: URL values are never fetched
            dn-not-utf8.ldif              | 4 | the dn is not valid UTF-8
            nul-in-value.ldif             | 2 | value of uid contains a NUL or CR character (such values must be base64-encoded)
            cr-in-value.ldif              | 2 | value of uid contains a NUL or CR character (such values must be base64-encoded)
            """)
    void refuses_malformed_ldif_naming_file_and_line(String name, int line, String problem) {
        Path file = fixture("malformed/" + name);

        LdifFormatException error = catchThrowableOfType(LdifFormatException.class, () -> oneProvider(file));

        assertThat(error).as(name).isNotNull();
        assertThat(error.file()).isEqualTo(file.toString());
        assertThat(error.line()).isEqualTo(line);
        assertThat(error.problem()).isEqualTo(problem);
        assertThat(error).hasMessage(file + ":" + line + ": " + problem);
        assertThat(error.reason()).isEqualTo(Reason.INVALID_INPUT);
        assertThat(error.parameters())
                .containsEntry("file", file.toString())
                .containsEntry("line", Integer.toString(line))
                .containsEntry("problem", problem);
    }

    @Test
    void the_error_is_a_locksmith_exception_and_never_quotes_a_value() {
        LdifFormatException error = catchThrowableOfType(
                LdifFormatException.class, () -> oneProvider(fixture("malformed/bad-base64.ldif")));

        assertThat(error).isInstanceOf(LocksmithException.class);
        assertThat(error.getMessage()).doesNotContain("secret").doesNotContain("SSHA");
    }

    @Test
    void a_line_number_counts_physical_lines_including_comments_and_folds() {
        String text = "# comment\n#  folded\n  comment\ndn: uid=alice,\n dc=example\nuid: alice\nbroken line\n";
        LdifFormatException error = catchThrowableOfType(
                LdifFormatException.class,
                () -> LdifParser.parse(
                        "inline.ldif",
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.util.Set.of("uid")));

        assertThat(error).hasMessage("inline.ldif:7: line has no ':' (expected \"attribute: value\")");
    }
}
