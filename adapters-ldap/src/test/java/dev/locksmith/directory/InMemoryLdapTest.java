package dev.locksmith.directory;

import static dev.locksmith.directory.CorpProvider.CORP;
import static dev.locksmith.directory.CorpProvider.claimant;
import static dev.locksmith.directory.CorpProvider.login;
import static dev.locksmith.directory.CorpProvider.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import dev.locksmith.core.domain.InvalidInputException;
import dev.locksmith.core.domain.Password;
import dev.locksmith.core.domain.Reason;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.UnavailableException;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.SecurityProviders.ProviderLogin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The adapter's behaviour against UnboundID's in-memory directory, over ldaps and StartTLS. */
class InMemoryLdapTest {
    @TempDir
    Path folder;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : opened) {
            resource.close();
        }
    }

    private InMemoryDirectory directory() {
        InMemoryDirectory directory = InMemoryDirectory.start()
                .person("alice", "alice-password-1", new Attribute("ou", "appliance"))
                .person("bob", "bob-password-1")
                .person(
                        "dave",
                        "dave-password-1",
                        new Attribute("employeeType", "disabled"),
                        new Attribute("ou", "appliance"))
                .person("a*b", "star-password-1");
        opened.add(directory);
        return directory;
    }

    private LdapSecurityProviders providers(LdapProviderSettings.Builder settings) {
        LdapSecurityProviders providers =
                LdapSecurityProviders.builder().provider(settings.build()).build();
        opened.add(0, providers);
        return providers;
    }

    private LdapProviderSettings.Builder settings(InMemoryDirectory directory, String url) {
        return directory.settings("corp", url, folder.resolve("bind-password-" + opened.size()));
    }

    private LdapProviderSettings.Builder ldaps(InMemoryDirectory directory) {
        return settings(directory, directory.ldapsUrl());
    }

    private LdapProviderSettings.Builder startTls(InMemoryDirectory directory) {
        return settings(directory, directory.startTlsUrl());
    }

    @Test
    void a_directory_user_logs_in_by_bind_and_a_wrong_password_is_rejected() {
        LdapSecurityProviders providers = providers(ldaps(directory()));

        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(login(providers, "ALICE", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(login(providers, "alice", "bob-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(providers, "mallory", "alice-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
    }

    @Test
    void startTls_urls_claim_and_log_in_like_ldaps() {
        LdapSecurityProviders providers = providers(startTls(directory()));

        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(login(providers, "bob", "bob-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @Test
    void an_empty_password_is_rejected_without_asking_the_directory() {
        InMemoryDirectory directory = directory();
        LdapSecurityProviders providers = providers(ldaps(directory));
        directory.stopListening();

        // Unauthenticated bind (RFC 4513): a server would answer success. Refused before any connection, so
        // even with the directory down the answer is Rejected, not Unreachable.
        assertThat(login(providers, "alice", "")).isEqualTo(new ProviderLogin.Rejected(CORP));
    }

    @Test
    void a_disabled_entry_stays_claimed_but_cannot_log_in() {
        LdapSecurityProviders providers = providers(ldaps(directory()).disabledFilter("(employeeType=disabled)"));

        assertThat(claimant(providers, "dave")).contains(CORP);
        assertThat(login(providers, "dave", "dave-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @Test
    void the_group_filter_limits_claims_and_logins_to_members() {
        LdapSecurityProviders providers = providers(ldaps(directory()).groupFilter("(ou=appliance)"));

        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(claimant(providers, "bob")).isEmpty();
        assertThat(login(providers, "bob", "bob-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @ParameterizedTest
    @MethodSource("dev.locksmith.directory.FilterInjection#usernames")
    void filter_metacharacters_in_a_username_match_only_themselves(String username) {
        LdapSecurityProviders providers = providers(ldaps(directory()));

        assertThat(claimant(providers, username)).isEmpty();
        assertThat(login(providers, username, "alice-password-1")).isEqualTo(new ProviderLogin.Rejected(CORP));
    }

    @Test
    void a_username_holding_a_metacharacter_is_found_by_its_exact_name() {
        LdapSecurityProviders providers = providers(ldaps(directory()));

        assertThat(claimant(providers, "a*b")).contains(CORP);
        assertThat(login(providers, "a*b", "star-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(claimant(providers, "a*")).isEmpty();
    }

    @Test
    void a_nul_in_a_username_is_refused_before_any_search() {
        assertThatThrownBy(() -> Username.of("alice\u0000")).isInstanceOf(InvalidInputException.class);
        assertThat(LdapProviderSettings.builder("x")
                        .url("ldaps://localhost")
                        .bindDn("cn=x")
                        .bindPasswordFile(Path.of("p"))
                        .baseDn("dc=x")
                        .build()
                        .userFilterFor("a\u0000)(uid=*")
                        .toString())
                .isEqualTo("(uid=a\\00\\29\\28uid=\\2a)");
    }

    @Test
    void answers_are_cached_positive_and_negative_apart_until_their_ttl() throws Exception {
        InMemoryDirectory directory = directory();
        LdapSecurityProviders providers = providers(
                ldaps(directory).positiveCacheTtl(Duration.ofMinutes(5)).negativeCacheTtl(Duration.ofMinutes(5)));

        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(claimant(providers, "erin")).isEmpty();
        directory.delete("alice");
        directory.person("erin", "erin-password-1");

        assertThat(claimant(providers, "alice")).as("cached positive").contains(CORP);
        assertThat(claimant(providers, "erin")).as("cached negative").isEmpty();
        providers.invalidateCaches();
        assertThat(claimant(providers, "alice")).isEmpty();
        assertThat(claimant(providers, "erin")).contains(CORP);
    }

    @Test
    void a_zero_ttl_asks_the_directory_every_time() throws Exception {
        InMemoryDirectory directory = directory();
        LdapSecurityProviders providers =
                providers(ldaps(directory).positiveCacheTtl(Duration.ZERO).negativeCacheTtl(Duration.ZERO));

        assertThat(claimant(providers, "alice")).contains(CORP);
        assertThat(claimant(providers, "erin")).isEmpty();
        directory.delete("alice");
        directory.person("erin", "erin-password-1");

        assertThat(claimant(providers, "alice")).isEmpty();
        assertThat(claimant(providers, "erin")).contains(CORP);
    }

    @Test
    void a_directory_down_gives_the_stricter_claim_answer_and_a_typed_login_outcome_then_recovers() throws Exception {
        InMemoryDirectory directory = directory();
        LdapSecurityProviders providers = providers(ldaps(directory).negativeCacheTtl(Duration.ZERO));
        assertThat(claimant(providers, "alice")).contains(CORP);

        directory.stopListening();
        UnavailableException error = unavailable(providers, "bob");
        assertThat(error).isNotNull();
        assertThat(error.reason()).isEqualTo(Reason.PROVIDER_UNREACHABLE);
        assertThat(unavailable(providers, "nobody"))
                .as("an unknown name is not answered 'local' either")
                .isNotNull();
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Unreachable(CORP));

        directory.startListening();
        assertThat(claimant(providers, "bob")).contains(CORP);
        assertThat(claimant(providers, "nobody")).isEmpty();
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
    }

    @Test
    void the_first_login_after_a_restart_is_answered_although_pooled_connections_died() throws Exception {
        InMemoryDirectory directory = directory();
        LdapSecurityProviders providers = providers(ldaps(directory).negativeCacheTtl(Duration.ZERO));
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(claimant(providers, "nobody")).isEmpty();

        directory.stopListening(); // drops every connection the pools hold
        directory.startListening();

        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        assertThat(login(providers, "alice", "wrong-password")).isEqualTo(new ProviderLogin.Rejected(CORP));
        assertThat(claimant(providers, "nobody")).isEmpty();
    }

    @Test
    void a_provider_configured_while_its_directory_is_down_works_once_it_comes_up() throws Exception {
        InMemoryDirectory directory = directory();
        String url = directory.ldapsUrl();
        directory.stopListening();
        LdapSecurityProviders providers = providers(settings(directory, url));

        assertThat(unavailable(providers, "alice")).isNotNull();
        directory.startListening();
        assertThat(claimant(providers, "alice")).contains(CORP);
    }

    @Test
    void fails_over_to_the_next_url_when_the_first_server_is_down() throws Exception {
        InMemoryDirectory first = directory();
        InMemoryDirectory second = directory();
        LdapSecurityProviders providers = providers(settings(first, "ldaps://localhost:" + closedPort())
                .url(first.ldapsUrl())
                .url(second.startTlsUrl())
                .negativeCacheTtl(Duration.ZERO));

        assertThat(claimant(providers, "alice")).contains(CORP);
        first.stopListening();
        assertThat(claimant(providers, "bob")).contains(CORP);
        assertThat(claimant(providers, "nobody")).isEmpty();
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Accepted(CORP));
        second.stopListening();
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Unreachable(CORP));
    }

    @Test
    void a_server_whose_certificate_the_trust_store_does_not_vouch_for_is_unreachable() {
        TestCertificates otherCa = TestCertificates.authority("Someone else's CA");
        InMemoryDirectory directory = InMemoryDirectory.start(otherCa.server("localhost", "localhost", "127.0.0.1"))
                .person("alice", "alice-password-1");
        opened.add(directory);
        LdapSecurityProviders providers = providers(ldaps(directory));
        LdapSecurityProviders startTls = providers(startTls(directory));

        assertThat(unavailable(providers, "alice").reason()).isEqualTo(Reason.PROVIDER_UNREACHABLE);
        assertThat(unavailable(startTls, "alice").reason()).isEqualTo(Reason.PROVIDER_UNREACHABLE);
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Unreachable(CORP));
    }

    @Test
    void a_certificate_for_another_host_name_is_refused_unless_verification_is_turned_off() {
        InMemoryDirectory directory = InMemoryDirectory.start(
                        InMemoryDirectory.ca().server("elsewhere", "elsewhere.example.com"))
                .person("alice", "alice-password-1");
        opened.add(directory);
        LdapSecurityProviders verifying = providers(ldaps(directory));
        LdapSecurityProviders startTls = providers(startTls(directory));
        LdapSecurityProviders lax = providers(ldaps(directory).hostnameVerification(false));

        assertThat(unavailable(verifying, "alice")).isNotNull();
        assertThat(unavailable(startTls, "alice")).isNotNull();
        assertThat(claimant(lax, "alice")).contains(CORP);
    }

    @Test
    void a_service_account_the_directory_refuses_makes_the_provider_unreachable() throws Exception {
        Path wrong = folder.resolve("wrong");
        java.nio.file.Files.writeString(wrong, "not-the-password");
        LdapSecurityProviders providers = providers(ldaps(directory()).bindPasswordFile(wrong));

        assertThat(unavailable(providers, "alice").reason()).isEqualTo(Reason.PROVIDER_UNREACHABLE);
        assertThat(login(providers, "alice", "alice-password-1")).isEqualTo(new ProviderLogin.Unreachable(CORP));
    }

    @Test
    void several_entries_for_one_name_are_claimed_but_never_log_in() {
        InMemoryDirectory directory = directory();
        directory.person("alice-twin", "alice-password-1", new Attribute("mail", "shared@example.com"));
        directory.person("alice-other", "alice-password-1", new Attribute("mail", "shared@example.com"));
        LdapSecurityProviders providers = providers(ldaps(directory).userFilter("(mail={0})"));

        assertThat(claimant(providers, "shared@example.com")).contains(CORP);
        assertThat(login(providers, "shared@example.com", "alice-password-1"))
                .isEqualTo(new ProviderLogin.Rejected(CORP));
    }

    @Test
    void the_first_provider_that_claims_wins_and_an_unreachable_one_stops_the_search() {
        InMemoryDirectory first = directory();
        InMemoryDirectory second =
                InMemoryDirectory.start().person("zed", "zed-password-1").person("alice", "x-password");
        opened.add(second);
        LdapSecurityProviders providers = LdapSecurityProviders.builder()
                .provider(first.settings("first", first.ldapsUrl(), folder.resolve("p1"))
                        .negativeCacheTtl(Duration.ZERO)
                        .build())
                .provider(second.settings("second", second.ldapsUrl(), folder.resolve("p2"))
                        .build())
                .build();
        opened.add(0, providers);

        assertThat(claimant(providers, "alice")).contains(new Source.Provider("first"));
        assertThat(claimant(providers, "zed")).contains(new Source.Provider("second"));
        assertThat(providers.authenticate(
                        new Source.Provider("second"), Username.of("zed"), Password.of("zed-password-1")))
                .isEqualTo(new ProviderLogin.Accepted(new Source.Provider("second")));
        first.stopListening();
        assertThat(unavailable(providers, "someone-new")).isNotNull();
    }

    @Test
    void a_provider_not_configured_here_is_not_supported() {
        LdapSecurityProviders providers = providers(ldaps(directory()));

        Source.Provider other = new Source.Provider("radius");
        assertThat(providers.authenticate(other, Username.of("alice"), Password.of("alice-password-1")))
                .isEqualTo(new ProviderLogin.NotSupported(other));
    }

    @Test
    void probe_reports_the_server_the_service_account_and_the_entry_found() {
        InMemoryDirectory directory = directory();
        LdapSecurityProviders providers = providers(ldaps(directory).disabledFilter("(employeeType=disabled)"));

        ProbeReport bare = providers.probe("corp", Optional.empty());
        ProbeReport alice = providers.probe("corp", Optional.of(Username.of("Alice")));
        ProbeReport dave = providers.probe("corp", Optional.of(Username.of("dave")));
        ProbeReport nobody = providers.probe("corp", Optional.of(Username.of("nobody")));

        assertThat(bare.server()).endsWith(":" + directory.server().getListenPort("ldaps"));
        assertThat(bare.boundAs()).isEqualTo(ExampleTree.SERVICE_DN);
        assertThat(alice.entries()).containsExactly(InMemoryDirectory.dn("alice"));
        assertThat(alice.disabled()).isFalse();
        assertThat(dave.disabled()).isTrue();
        assertThat(nobody.entries()).isEmpty();
        assertThatThrownBy(() -> providers.probe("other", Optional.empty())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void nothing_printable_carries_the_bind_password() {
        InMemoryDirectory directory = directory();
        LdapProviderSettings settings = ldaps(directory).build();
        LdapSecurityProviders providers = providers(ldaps(directory));
        directory.stopListening();
        UnavailableException error = unavailable(providers, "x");

        assertThat(settings.toString())
                .doesNotContain(InMemoryDirectory.SERVICE_PASSWORD)
                .contains("redacted");
        assertThat(providers.toString()).doesNotContain(InMemoryDirectory.SERVICE_PASSWORD);
        assertThat(error.getMessage()).doesNotContain(InMemoryDirectory.SERVICE_PASSWORD);
        assertThat(error.getCause()).isNull();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
