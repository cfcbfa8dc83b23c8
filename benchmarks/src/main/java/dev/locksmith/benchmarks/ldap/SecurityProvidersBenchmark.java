package dev.locksmith.benchmarks.ldap;

import com.google.common.collect.ImmutableSet;
import dev.locksmith.benchmarks.Folders;
import dev.locksmith.core.domain.Source;
import dev.locksmith.core.domain.Username;
import dev.locksmith.ldap.LdifProvider;
import dev.locksmith.ldap.LdifSecurityProviders;
import dev.locksmith.ldap.ProviderKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of {@link LdifSecurityProviders#claimant(Username)} with a directory of {@code users} entries (an LDIF
 * file, two username attributes each) behind a second directory and a Kerberos realm rule, beside the floor: one
 * {@code ImmutableSet.contains} of the same canonical strings. Run with {@code -t 1} and {@code -t 2} to see
 * lookups under concurrent use. Names are cycled through 1,024 pre-built usernames so no single entry stays hot.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SecurityProvidersBenchmark {

    private static final int NAMES = NameCursor.NAMES;

    @Param({"100000"})
    int users;

    private Path directory;
    private LdifSecurityProviders providers;
    private ImmutableSet<String> floor;
    private final Username[] inFirst = new Username[NAMES];
    private final Username[] byRule = new Username[NAMES];
    private final Username[] unknown = new Username[NAMES];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("locksmith-ldap-bench");
        Path ldif = directory.resolve("users.ldif");
        Files.writeString(ldif, ldif(users), StandardCharsets.UTF_8);
        providers = LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("corp-ad", ProviderKind.ACTIVE_DIRECTORY)
                        .ldif(ldif)
                        .build())
                .provider(LdifProvider.builder("radius", ProviderKind.RADIUS)
                        .usernames(Stream.iterate(0, i -> i + 1)
                                .limit(1000)
                                .map(i -> "radius" + i)
                                .toList())
                        .build())
                .provider(LdifProvider.builder("kdc", ProviderKind.KERBEROS)
                        .kerberosRealm("CORP.EXAMPLE.COM")
                        .build())
                .build();
        ImmutableSet.Builder<String> strings = ImmutableSet.builder();
        for (int i = 0; i < users; i++) {
            strings.add("user" + i).add("user" + i + "@example.com");
        }
        floor = strings.build();
        for (int i = 0; i < NAMES; i++) {
            inFirst[i] = Username.of("User" + (i * 97 % users));
            byRule[i] = Username.of("principal" + i + "@CORP.EXAMPLE.COM");
            unknown[i] = Username.of("nobody" + i);
        }
        check(
                providers.claimant(inFirst[1]).isPresent()
                        && providers.claimant(byRule[1]).isPresent()
                        && providers.claimant(unknown[1]).isEmpty(),
                "set-up claims");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        providers.close();
        Folders.delete(directory);
    }

    /** A username in the first provider's LDIF data: one set lookup. */
    @Benchmark
    public Optional<Source.Provider> claimedByFirstDirectory(NameCursor cursor) {
        return providers.claimant(inFirst[cursor.advance()]);
    }

    /** A Kerberos principal: two directory misses, then the realm rule of the third provider. */
    @Benchmark
    public Optional<Source.Provider> claimedByRealmRule(NameCursor cursor) {
        return providers.claimant(byRule[cursor.advance()]);
    }

    /** Nobody claims it: every provider is consulted. */
    @Benchmark
    public Optional<Source.Provider> unclaimed(NameCursor cursor) {
        return providers.claimant(unknown[cursor.advance()]);
    }

    /** The floor: one immutable-set lookup of the same canonical string, no providers, no rules. */
    @Benchmark
    public boolean floorSetContains(NameCursor cursor) {
        return floor.contains(inFirst[cursor.advance()].value());
    }

    static String ldif(int users) {
        StringBuilder text = new StringBuilder(users * 110).append("version: 1\n");
        for (int i = 0; i < users; i++) {
            text.append("\ndn: uid=user")
                    .append(i)
                    .append(",ou=people,dc=example,dc=com\n")
                    .append("objectClass: inetOrgPerson\ncn: User ")
                    .append(i)
                    .append('\n')
                    .append("uid: User")
                    .append(i)
                    .append("\nmail: user")
                    .append(i)
                    .append("@example.com\n");
        }
        return text.toString();
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up is wrong: " + what);
        }
    }
}
