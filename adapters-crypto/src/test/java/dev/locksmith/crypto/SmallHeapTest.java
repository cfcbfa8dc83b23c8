package dev.locksmith.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Under a 256 MiB heap (a JVM of its own, started from here with the test class path), the default settings
 * refuse a 256 MiB stored hash and an m=262144, t=32 one with HASH_UNSUPPORTED without computing anything (no
 * {@link OutOfMemoryError}: before the bound, the first ran out of heap and the second took about 30 s a check),
 * while PHP's default hash (64 MiB, exactly a quarter of that heap) still verifies.
 */
class SmallHeapTest {
    private static final Map<String, String[]> RESULTS = new HashMap<>();
    private static String output;

    @BeforeAll
    static void run_the_probe_under_a_256_mib_heap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-XX:+UseG1GC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SmallHeapProbe.class.getName())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // A liveness cap for a hung child, not a speed assertion.
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("probe finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        for (String line : output.split("\\R")) {
            String[] fields = line.split("\t");
            if (fields.length == 3) {
                RESULTS.put(fields[0], fields);
            }
        }
    }

    @Test
    void the_probe_ran_with_a_256_mib_heap() {
        assertThat(RESULTS.get("maxMemory")).as(output).isNotNull();
        assertThat(Long.parseLong(RESULTS.get("maxMemory")[1])).isEqualTo(256L * 1024 * 1024);
    }

    @Test
    void a_256_mib_stored_hash_is_refused_without_computing_and_without_running_out_of_memory() {
        assertThat(RESULTS.get("256MiB")).as(output).containsExactly("256MiB", "HASH_UNSUPPORTED", "0");
        assertThat(output).doesNotContain("OutOfMemoryError");
    }

    @Test
    void a_256_mib_32_pass_stored_hash_is_refused_without_computing() {
        assertThat(RESULTS.get("256MiB-32-passes"))
                .as(output)
                .containsExactly("256MiB-32-passes", "HASH_UNSUPPORTED", "0");
    }

    @Test
    void phps_default_hash_still_verifies_on_that_heap() {
        assertThat(RESULTS.get("php-defaults")).as(output).containsExactly("php-defaults", "MATCH", "1");
    }

    @Test
    void the_probe_reports_every_case() {
        assertThat(RESULTS.keySet())
                .as(output)
                .containsAll(List.of("maxMemory", "256MiB", "256MiB-32-passes", "php-defaults"));
    }
}
