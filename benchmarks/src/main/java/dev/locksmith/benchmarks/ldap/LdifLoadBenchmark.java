package dev.locksmith.benchmarks.ldap;

import dev.locksmith.ldap.LdifProvider;
import dev.locksmith.ldap.LdifSecurityProviders;
import dev.locksmith.ldap.ProviderKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * Cost of one {@link LdifSecurityProviders#reload()} of an LDIF file of {@code users} entries (read, SHA-256,
 * parse, canonicalize, build the immutable set, swap): what a host pays each time its directory export changes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LdifLoadBenchmark {

    @Param({"10000", "100000"})
    int users;

    private Path file;
    private LdifSecurityProviders providers;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("locksmith-ldap-bench", ".ldif");
        Files.writeString(file, SecurityProvidersBenchmark.ldif(users), StandardCharsets.UTF_8);
        providers = LdifSecurityProviders.builder()
                .provider(LdifProvider.builder("corp-ad", ProviderKind.ACTIVE_DIRECTORY)
                        .ldif(file)
                        .build())
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        providers.close();
        Files.delete(file);
    }

    @Benchmark
    public LdifSecurityProviders reload() {
        providers.reload();
        return providers;
    }
}
