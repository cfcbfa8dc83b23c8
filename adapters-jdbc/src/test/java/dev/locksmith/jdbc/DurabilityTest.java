package dev.locksmith.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.User;
import dev.locksmith.core.port.AuditTrail;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 store keeps every commit through a SIGKILL: a child JVM commits password changes and
 * reports each one; it is killed right after a report (well within H2's default 500 ms write delay, which
 * the store turns off); the reopened database holds every reported change.
 */
class DurabilityTest {

    @Test
    void every_change_reported_committed_survives_the_process_being_killed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("locksmith");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        DurabilityChild.class.getName(),
                        file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long lastReported = 0;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    lastReported = Long.parseLong(line.substring("committed ".length()));
                    if (lastReported >= 150) {
                        // SIGKILL at once: no shutdown hook, no close, nothing flushed on the way out.
                        child.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastReported).as("the child reported commits before dying").isEqualTo(150);

        try (JdbiStore reopened = JdbiStore.embedded(file)) {
            User user = reopened.userAccounts().find(DurabilityChild.USER).orElseThrow();
            assertThat(user.version()).isGreaterThanOrEqualTo(lastReported);
            Set<Long> audited = auditedVersions(reopened.auditTrail());
            for (long v = 1; v <= lastReported; v++) {
                assertThat(audited).contains(v);
            }
            assertThat(reopened.passwordHistory().recent(DurabilityChild.USER, 24))
                    .hasSize(24);
        }
    }

    private static Set<Long> auditedVersions(AuditTrail trail) {
        Set<Long> versions = new HashSet<>();
        Optional<Long> before = Optional.empty();
        while (true) {
            List<AuditRecord> page = trail.read(new AuditTrail.Query(Optional.empty(), before, 1000));
            if (page.isEmpty()) {
                return versions;
            }
            page.forEach(r -> versions.add(Long.parseLong(r.event().details().get("version"))));
            before = Optional.of(page.get(page.size() - 1).sequence());
        }
    }
}
