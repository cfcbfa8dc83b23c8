package dev.locksmith.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Username;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a username holds, the filter built from it is one equality test of exactly that value on the
 * configured attribute (RFC 4515 escaping): no username can widen, close or add to the filter.
 */
class FilterEscapingPropertiesTest {

    private static final LdapProviderSettings SETTINGS = LdapProviderSettings.builder("corp")
            .url("ldaps://dc.example.com")
            .bindDn("cn=locksmith,dc=example,dc=com")
            .bindPasswordFile(Path.of("bind"))
            .baseDn("dc=example,dc=com")
            .userFilter("(sAMAccountName={0})")
            .build();

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> pieces = Arbitraries.of(
                "*", "(", ")", "\\", "\\2a", "\\00", "=", "|", "&", "!", "uid", "alice", "{0}", "~=", ">=", ":dn:", "é",
                "ß", "İ", "\u0000", "\u00ad", " ");
        return pieces.list().ofMinSize(1).ofMaxSize(12).map(list -> String.join("", list));
    }

    @Property(tries = 2000)
    void a_username_is_one_equality_assertion_of_exactly_itself(@ForAll("hostile") String text) {
        Username username;
        try {
            username = Username.of(text);
        } catch (InvalidInputException e) {
            return; // NUL, whitespace and other refused names never reach a filter
        }

        Filter filter = SETTINGS.userFilterFor(username.value());

        assertThat(filter.getFilterType()).isEqualTo(Filter.FILTER_TYPE_EQUALITY);
        assertThat(filter.getAttributeName()).isEqualTo("sAMAccountName");
        assertThat(filter.getAssertionValueBytes()).isEqualTo(username.value().getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> anyText() {
        // every char but the surrogates, which are not text on their own (a username never holds an unpaired one)
        return Arbitraries.strings()
                .withCharRange('\u0000', '\ud7ff')
                .withCharRange('\ue000', '\uffff')
                .ofMaxLength(40);
    }

    @Property(tries = 500)
    void any_string_is_escaped_into_a_filter_that_parses_back_to_it(@ForAll("anyText") String text) {
        Filter filter = SETTINGS.userFilterFor(text);

        assertThat(filter.getFilterType()).isEqualTo(Filter.FILTER_TYPE_EQUALITY);
        assertThat(filter.getAssertionValue()).isEqualTo(text);
    }
}
