package com.example.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The host's story runs on the published artifacts and ends as the product says it must. */
class ApplianceTest {
    @TempDir
    Path folder;

    @Test
    void the_story_runs_on_the_published_artifacts() throws Exception {
        List<String> log = Appliance.story(folder);
        assertEquals(List.of(
                "bootstrapped admin",
                "imported carol",
                "created rep and alice",
                "alice: must change",
                "alice: logged in",
                "rep on admin: DENIED_TARGET_IS_ADMINISTRATOR",
                "dave: UseProvider[providerName=corp-ldap]",
                "rep sees 4 users, view LIMITED"), log);
    }
}
