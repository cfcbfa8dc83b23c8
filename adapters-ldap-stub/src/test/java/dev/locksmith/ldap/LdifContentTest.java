package dev.locksmith.ldap;

import static dev.locksmith.ldap.Fixtures.claimant;
import static dev.locksmith.ldap.Fixtures.fixture;
import static dev.locksmith.ldap.Fixtures.oneProvider;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formed LDIF fixtures covering RFC 2849's edge cases: which usernames they give, and what they warn of. */
class LdifContentTest {

    @Test
    void reads_usernames_through_folding_base64_options_comments_and_attribute_case() {
        LdifSecurityProviders providers = oneProvider(fixture("directory.ldif"));

        for (String username : List.of(
                "alice",
                "ALICE",
                "alice.liddell@example.com",
                "zoë",
                "ZOË",
                "bob.en",
                "bbuilder",
                "bob.builder@corp.example.com",
                "carol")) {
            assertThat(claimant(providers, username)).as(username).contains("directory");
        }
    }

    @Test
    void takes_no_username_from_comments_other_attributes_or_binary_values() {
        LdifSecurityProviders providers = oneProvider(fixture("directory.ldif"));

        for (String username : List.of(
                "not-a-user",
                "ghost",
                "example",
                "people",
                "{ssha}secretsecret",
                "alice.lid",
                "dell@exam",
                "bob",
                "builder")) {
            assertThat(claimant(providers, username)).as(username).isEmpty();
        }
        assertThat(providers.snapshot().claimants().get(0).usernames())
                .containsExactlyInAnyOrder(
                        "alice",
                        "alice.liddell@example.com",
                        "zoë",
                        "bob.en",
                        "bbuilder",
                        "bob.builder@corp.example.com",
                        "carol");
    }

    @Test
    void reads_crlf_line_endings_like_lf() {
        LdifSecurityProviders providers = oneProvider(fixture("crlf.ldif"));

        assertThat(providers.snapshot().claimants().get(0).usernames())
                .containsExactlyInAnyOrder("dave", "dave@example.com", "erin");
    }

    @Test
    void skips_a_utf8_byte_order_mark() {
        assertThat(claimant(oneProvider(fixture("bom.ldif")), "faythe")).contains("directory");
    }

    @Test
    void unfolds_before_decoding_so_a_fold_may_split_a_utf8_character() {
        assertThat(claimant(oneProvider(fixture("folded-utf8.ldif")), "zoë")).contains("directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty.ldif", "comments-only.ldif", "version-only.ldif"})
    void a_file_without_entries_claims_nobody(String name) {
        LdifSecurityProviders providers = oneProvider(fixture(name));

        assertThat(providers.snapshot().claimants().get(0).usernames()).isEmpty();
        assertThat(claimant(providers, "alice")).isEmpty();
    }

    @Test
    void reads_add_records_as_entries_and_ignores_other_change_records() {
        LdifSecurityProviders providers = oneProvider(fixture("changes.ldif"));

        assertThat(providers.snapshot().claimants().get(0).usernames()).containsExactlyInAnyOrder("frank", "grace");
    }

    @Test
    void warns_of_each_ignored_change_record_with_file_and_line() throws Exception {
        Path file = fixture("changes.ldif");

        LdifParser.Result result = LdifParser.parse(file.toString(), Files.readAllBytes(file), Set.of("uid", "mail"));

        assertThat(result.entries()).extracting(LdifParser.Entry::line).containsExactly(4, 10);
        assertThat(result.warnings())
                .containsExactly(
                        file
                                + ":15: change record (changetype: modify) ignored: only content entries and \"changetype: add\" records name users",
                        file
                                + ":24: change record (changetype: delete) ignored: only content entries and \"changetype: add\" records name users",
                        file
                                + ":27: change record (changetype: modrdn) ignored: only content entries and \"changetype: add\" records name users",
                        file
                                + ":32: change record (changetype: moddn) ignored: only content entries and \"changetype: add\" records name users");
    }

    @Test
    void parser_keeps_dn_line_and_values_of_wanted_attributes_only() throws Exception {
        Path file = fixture("directory.ldif");

        LdifParser.Result result = LdifParser.parse(file.toString(), Files.readAllBytes(file), Set.of("uid"));

        assertThat(result.entries())
                .extracting(LdifParser.Entry::dn)
                .containsExactly(
                        "dc=example,dc=com",
                        "ou=people,dc=example,dc=com",
                        "uid=alice,ou=people,dc=example,dc=com",
                        "uid=zoë,ou=people,dc=example,dc=com",
                        "CN=Bob Builder,OU=Staff,DC=corp,DC=example,DC=com",
                        "uid=carol,ou=people,dc=example,dc=com");
        assertThat(result.entries()).extracting(LdifParser.Entry::line).containsExactly(7, 13, 18, 29, 36, 47);
        assertThat(result.entries().get(4).values()).singleElement().satisfies(value -> {
            assertThat(value.attribute()).isEqualTo("uid;lang-en");
            assertThat(value.line()).isEqualTo(39);
        });
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void skips_values_that_are_not_valid_usernames_and_keeps_the_rest() {
        LdifSecurityProviders providers = oneProvider(fixture("invalid-usernames.ldif"));

        assertThat(providers.snapshot().claimants().get(0).usernames())
                .containsExactlyInAnyOrder("john.smith@example.com", "victor");
    }

    @Test
    void reads_only_the_configured_username_attributes() {
        LdifSecurityProviders providers = LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("ad", ProviderKind.ACTIVE_DIRECTORY)
                        .ldif(fixture("directory.ldif"))
                        .usernameAttributes("sAMAccountName")
                        .build())
                .build();

        assertThat(providers.snapshot().claimants().get(0).usernames()).containsExactly("bbuilder");
    }

    @Test
    void a_url_value_is_never_fetched() throws Exception {
        // The SDK's reader would open a file: URL (and fail on a missing one); here it stays text nobody reads.
        String text = "dn: uid=erin,dc=example,dc=com\nuid: erin\njpegPhoto:< file:///nonexistent/erin.jpg\n"
                + "description:\n <file:///nonexistent/folded.txt\n";

        LdifParser.Result result =
                LdifParser.parse("inline.ldif", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Set.of("uid"));

        assertThat(result.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.values())
                        .extracting(value -> new String(value.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .containsExactly("erin"));
    }
}
