package dev.locksmith.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings validate once, with a typed error naming the setting, and never print the bind password. */
class LdapProviderSettingsTest {

    @TempDir
    Path folder;

    private static LdapProviderSettings.Builder valid() {
        return LdapProviderSettings.builder("corp")
                .url("ldaps://dc1.example.com")
                .bindDn("cn=locksmith,dc=example,dc=com")
                .bindPasswordFile(Path.of("/etc/locksmith/bind"))
                .baseDn("dc=example,dc=com");
    }

    private static final Map<String, UnaryOperator<LdapProviderSettings.Builder>> BROKEN = Map.ofEntries(
            Map.entry("http-url", b -> b.url("http://dc2.example.com")),
            Map.entry("no-host", b -> b.url("ldaps://")),
            Map.entry("url-with-dn", b -> b.url("ldaps://dc2.example.com/dc=example,dc=com")),
            Map.entry("garbage-url", b -> b.url("not a url")),
            Map.entry("bad-base", b -> b.baseDn("not a dn")),
            Map.entry("bad-bind", b -> b.bindDn("=")),
            Map.entry("anonymous-bind", b -> b.bindDn("")),
            Map.entry("no-placeholder", b -> b.userFilter("(uid=alice)")),
            Map.entry("bad-user-filter", b -> b.userFilter("(uid={0}")),
            Map.entry("bad-group-filter", b -> b.groupFilter("memberOf=x)")),
            Map.entry("bad-disabled-filter", b -> b.disabledFilter("((")),
            Map.entry("pool-zero", b -> b.poolSize(0)),
            Map.entry("pool-huge", b -> b.poolSize(100_000)),
            Map.entry("zero-connect", b -> b.connectTimeout(Duration.ZERO)),
            Map.entry("negative-response", b -> b.responseTimeout(Duration.ofSeconds(-1))),
            Map.entry("negative-ttl", b -> b.positiveCacheTtl(Duration.ofSeconds(-1))),
            Map.entry("day-ttl", b -> b.negativeCacheTtl(Duration.ofDays(1))),
            Map.entry("cache-zero", b -> b.cacheSize(0)),
            Map.entry("bad-variable", b -> b.bindPasswordVariable("NOT-A-NAME")),
            Map.entry(
                    "bad-name",
                    b -> LdapProviderSettings.builder("bad\nname")
                            .url("ldaps://x")
                            .bindDn("cn=x")
                            .bindPasswordFile(Path.of("p"))
                            .baseDn("dc=x")));

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource({
        "http-url, url",
        "no-host, url",
        "url-with-dn, url",
        "garbage-url, url",
        "bad-base, baseDn",
        "bad-bind, bindDn",
        "anonymous-bind, bindDn",
        "no-placeholder, userFilter",
        "bad-user-filter, userFilter",
        "bad-group-filter, groupFilter",
        "bad-disabled-filter, disabledFilter",
        "pool-zero, poolSize",
        "pool-huge, poolSize",
        "zero-connect, connectTimeout",
        "negative-response, responseTimeout",
        "negative-ttl, positiveCacheTtl",
        "day-ttl, negativeCacheTtl",
        "cache-zero, cacheSize",
        "bad-variable, bindPasswordVariable",
        "bad-name, provider"
    })
    void invalid_settings_are_refused_with_the_setting_named(String broken, String field) {
        InvalidInputException error = catchThrowableOfType(
                InvalidInputException.class,
                () -> BROKEN.get(broken).apply(valid()).build());

        assertThat(error).as(broken).isNotNull();
        assertThat(error.reason()).isEqualTo(Reason.INVALID_INPUT);
        if (!field.equals("provider")) {
            assertThat(error.field()).isEqualTo(field);
        }
    }

    @Test
    void missing_required_settings_are_named() {
        Map<String, UnaryOperator<LdapProviderSettings.Builder>> required = new LinkedHashMap<>();
        required.put("url", b -> b.url("ldaps://x"));
        required.put("bindDn", b -> b.bindDn("cn=x"));
        required.put("bindPassword", b -> b.bindPasswordFile(Path.of("p")));
        required.put("baseDn", b -> b.baseDn("dc=x"));
        for (String missing : required.keySet()) {
            LdapProviderSettings.Builder builder = LdapProviderSettings.builder("corp");
            required.forEach((field, set) -> {
                if (!field.equals(missing)) {
                    set.apply(builder);
                }
            });

            assertThat(catchThrowableOfType(InvalidInputException.class, builder::build))
                    .as(missing + " left out")
                    .isNotNull()
                    .extracting(InvalidInputException::field)
                    .isEqualTo(missing);
        }
    }

    @Test
    void defaults_are_safe_and_ports_default_by_scheme() {
        LdapProviderSettings settings =
                valid().url("ldap://dc2.example.com:3890").build();

        assertThat(settings.hostnameVerification()).isTrue();
        assertThat(settings.trustStore()).isEmpty();
        assertThat(settings.userFilter()).isEqualTo("(uid={0})");
        assertThat(settings.urls()).containsExactly("ldaps://dc1.example.com:636", "ldap://dc2.example.com:3890");
        assertThat(settings.poolSize()).isEqualTo(LdapProviderSettings.Builder.DEFAULT_POOL_SIZE);
    }

    @Test
    void the_username_is_escaped_per_rfc_4515_in_every_placeholder() {
        LdapProviderSettings settings = valid().userFilter("(|(sAMAccountName={0})(userPrincipalName={0}))")
                .groupFilter("(memberOf=cn=staff,dc=example,dc=com)")
                .build();

        assertThat(settings.userFilterFor("*)(cn=*\\").toString())
                .isEqualTo("(&(|(sAMAccountName=\\2a\\29\\28cn=\\2a\\5c)(userPrincipalName=\\2a\\29\\28cn=\\2a\\5c))"
                        + "(memberOf=cn=staff,dc=example,dc=com))");
    }

    @Test
    void the_bind_password_comes_from_a_file_or_a_variable_and_never_shows() throws Exception {
        Path file = folder.resolve("bind");
        Files.writeString(file, "file-secret-1\r\n");
        LdapProviderSettings fromFile = valid().bindPasswordFile(file).build();
        LdapProviderSettings fromVariable = valid().environment(Map.of("LDAP_BIND", "variable-secret-1")::get)
                .bindPasswordVariable("LDAP_BIND")
                .build();

        assertThat(new String(LdapDirectory.secret(fromFile.bindPassword(), "bindPassword")))
                .isEqualTo("file-secret-1");
        assertThat(new String(LdapDirectory.secret(fromVariable.bindPassword(), "bindPassword")))
                .isEqualTo("variable-secret-1");
        assertThat(fromFile.toString()).doesNotContain("file-secret-1").contains(file.toString());
        assertThat(fromVariable.toString()).doesNotContain("variable-secret-1").contains("LDAP_BIND");
    }

    @Test
    void an_unset_variable_an_empty_or_missing_file_fail_when_the_providers_are_built() throws Exception {
        Path empty = folder.resolve("empty");
        Files.writeString(empty, "\n");
        for (LdapProviderSettings settings : new LdapProviderSettings[] {
            valid().environment(name -> null).bindPasswordVariable("LDAP_BIND").build(),
            valid().bindPasswordFile(empty).build(),
            valid().bindPasswordFile(folder.resolve("missing")).build()
        }) {
            InvalidInputException error = catchThrowableOfType(
                    InvalidInputException.class,
                    () -> LdapSecurityProviders.builder().provider(settings).build());
            assertThat(error).as(settings.toString()).isNotNull();
            assertThat(error.field()).isEqualTo("bindPassword");
        }
    }

    @Test
    void two_providers_may_not_share_a_name() throws Exception {
        Path file = folder.resolve("bind");
        Files.writeString(file, "secret-1");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> LdapSecurityProviders.builder()
                                        .provider(valid().bindPasswordFile(file).build())
                                        .provider(LdapProviderSettings.builder("CORP")
                                                .url("ldaps://x")
                                                .bindDn("cn=x")
                                                .bindPasswordFile(file)
                                                .baseDn("dc=x")
                                                .build())
                                        .build())
                        .field())
                .isEqualTo("providers");
    }
}
