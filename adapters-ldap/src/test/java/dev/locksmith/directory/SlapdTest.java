package dev.locksmith.directory;

import static dev.locksmith.directory.CorpProvider.CORP;
import static dev.locksmith.directory.CorpProvider.claimant;
import static dev.locksmith.directory.CorpProvider.login;
import static dev.locksmith.directory.CorpProvider.unavailable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders.ProviderLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Integration against real OpenLDAP servers ({@link RunningSlapd}): two throwaway slapd instances holding the
 * same people, with TLS from a CA generated for this run.
 */
class SlapdTest {
    static final String PEOPLE = """
            dn: uid=alice,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: Alice
            cn: Alice
            sn: Liddell
            userPassword: alice-password-1

            dn: uid=bob,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: bob
            cn: Bob
            sn: Builder
            userPassword: bob-password-1

            dn: uid=dave,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: dave
            cn: Dave
            sn: Locked
            userPassword: dave-password-1
            pwdAccountLockedTime: 000001010000Z

            dn: uid=a*b,ou=people,dc=example,dc=com
            objectClass: inetOrgPerson
            uid: a*b
            cn: Star
            sn: Star
            userPassword: star-password-1
            """;

    private static TestCertificates ca;
    private static RunningSlapd first;
    private static RunningSlapd second;

    @TempDir
    Path folder;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        ca = TestCertificates.authority("Locksmith slapd test CA");
        first = RunningSlapd.start(ca, PEOPLE);
        second = RunningSlapd.start(ca, PEOPLE);
    }

    @AfterAll
    static void stopServers() {
        first.close();
        second.close();
    }

    @AfterEach
    void closeProviders() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
        first.start(); // a test that stopped one brings it back for the next
        second.start();
    }

    private LdapProviderSettings.Builder settings(String... urls) {
        Path password = folder.resolve("bind-password-" + opened.size());
        try {
            Files.writeString(password, RunningSlapd.SERVICE_PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LdapProviderSettings.Builder builder = LdapProviderSettings.builder("corp")
                .trustStore(ca.certificate())
                .bindDn(ExampleTree.SERVICE_DN)
                .bindPasswordFile(password)
                .baseDn(ExampleTree.BASE)
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(2));
        for (String url : urls) {
            builder.url(url);
        }
        return builder;
    }

    private LdapSecurityProviders providers(LdapProviderSettings.Builder settings) {
        LdapSecurityProviders providers =
                LdapSecurityProviders.builder().provider(settings.build()).build();
        opened.add(providers);
        return providers;
    }

    private static UnavailableException unreachable(LdapSecurityProviders providers, String username) {
        UnavailableException error = unavailable(providers, username);
        assertThat(error).as("claim of " + username).isNotNull();
        assertThat(error.reason()).isEqualTo(Reason.PROVIDER_UNREACHABLE);
        return error;
    }

    @Test
    void claims_directory_users_case_insensitively_and_nobody_else() {
        LdapSecurityProviders providers = providers(settings(first.ldapsUrl()));

        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(claimant(providers, "ALICE")).contains(CORP);
        assertThat(claimant(providers, "bob")).contains(CORP);
        assertThat(claimant(providers, "mallory")).isEmpty();
        assertThat(claimant(providers, "locksmith"))
                .as("the service account is no uid")
                .isEmpty();
    }

    @Test
    void a_user_logs_in_by_bind_over_ldaps_and_over_startTls() {
        LdapSecurityProviders ldaps = providers(settings(first.ldapsUrl()));
        LdapSecurityProviders startTls = providers(settings(first.startTlsUrl()));

        assertThat(login(ldaps, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(login(startTls, "Alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(claimant(startTls, "bob")).contains(CORP);
    }

    @Test
    void a_wrong_password_an_unknown_user_and_an_empty_password_are_rejected() {
        LdapSecurityProviders providers = providers(settings(first.ldapsUrl()));

        assertThat(login(providers, "alice", "bob-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(providers, "mallory", "alice-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(providers, "alice", "")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @Test
    void an_account_locked_by_ppolicy_is_claimed_but_cannot_log_in() {
        LdapSecurityProviders byServer = providers(settings(first.ldapsUrl()));
        LdapSecurityProviders byFilter =
                providers(settings(first.ldapsUrl()).disabledFilter("(pwdAccountLockedTime=*)"));

        assertThat(claimant(byServer, "dave")).contains(CORP);
        assertThat(claimant(byFilter, "dave")).contains(CORP);
        // slapd's ppolicy refuses the bind itself; the disabled filter refuses before binding
        assertThat(login(byServer, "dave", "dave-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(byFilter, "dave", "dave-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(byFilter, "bob", "bob-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @ParameterizedTest
    @MethodSource("dev.locksmith.directory.FilterInjection#usernames")
    void filter_injection_attempts_match_nothing(String username) {
        LdapSecurityProviders providers = providers(settings(first.ldapsUrl()));

        assertThat(claimant(providers, username)).isEmpty();
        assertThat(login(providers, username, "alice-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
    }

    @Test
    void a_name_holding_a_metacharacter_matches_exactly() {
        LdapSecurityProviders providers = providers(settings(first.ldapsUrl()));

        assertThat(claimant(providers, "a*b")).contains(CORP);
        assertThat(login(providers, "a*b", "star-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @Test
    void server_stopped_mid_run_gives_the_stricter_answer_and_a_typed_outcome_then_recovers() {
        LdapSecurityProviders providers = providers(settings(first.ldapsUrl()).negativeCacheTtl(Duration.ZERO));
        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(login(providers, "bob", "bob-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));

        first.stop();
        unreachable(providers, "bob");
        unreachable(providers, "nobody");
        assertThat(login(providers, "bob", "bob-password-1")).isEqualTo(new ProviderLogin.Unreachable(CORP));
        assertThat(login(providers, "bob", "wrong-password"))
                .as("not counted as a wrong password")
                .isEqualTo(new ProviderLogin.Unreachable(CORP));

        first.start();
        assertThat(claimant(providers, "bob")).contains(CORP);
        assertThat(claimant(providers, "nobody")).isEmpty();
        assertThat(login(providers, "bob", "bob-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(login(providers, "bob", "wrong-password")).isEqualTo(new ProviderLogin.Rejected(CORP));
    }

    @Test
    void fails_over_to_the_second_url_and_is_unreachable_only_when_both_are_down() {
        LdapSecurityProviders providers = providers(settings(first.ldapsUrl(), second.startTlsUrl())
                .negativeCacheTtl(Duration.ZERO)
                .positiveCacheTtl(Duration.ZERO));
        assertThat(claimant(providers, "alice")).contains(CORP);

        first.stop();
        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(claimant(providers, "nobody")).isEmpty();
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));

        second.stop();
        unreachable(providers, "alice");
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Unreachable(CORP));

        first.start();
        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @Test
    void a_server_not_vouched_for_by_the_trust_store_is_never_asked() {
        TestCertificates other = TestCertificates.authority("Another CA");
        LdapSecurityProviders providers = providers(settings(first.ldapsUrl()).trustStore(other.certificate()));
        LdapSecurityProviders startTls = providers(settings(first.startTlsUrl()).trustStore(other.certificate()));

        unreachable(providers, "alice");
        unreachable(startTls, "alice");
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Unreachable(CORP));
    }

    @Test
    void a_host_name_the_certificate_does_not_name_is_refused_unless_verification_is_off() {
        // The certificate names 127.0.0.1 only; localhost reaches the same listener under another name.
        String url = first.ldapsUrl().replace("127.0.0.1", "localhost");
        LdapSecurityProviders verifying = providers(settings(url));
        LdapSecurityProviders lax = providers(settings(url).hostnameVerification(false));

        unreachable(verifying, "alice");
        assertThat(claimant(lax, "alice")).contains(CORP);
    }

    @Test
    void probe_connects_binds_and_finds_the_entry() {
        LdapSecurityProviders providers =
                providers(settings(first.ldapsUrl()).disabledFilter("(pwdAccountLockedTime=*)"));

        ProbeReport alice = providers.probe("corp", Optional.of(Username.of("alice")));
        ProbeReport dave = providers.probe("corp", Optional.of(Username.of("dave")));

        assertThat(alice.server()).isEqualTo(first.ldapsUrl().substring("ldaps://".length()));
        assertThat(alice.entries()).containsExactly("uid=alice,ou=people,dc=example,dc=com");
        assertThat(dave.disabled()).isTrue();
    }
}
