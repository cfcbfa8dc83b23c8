package dev.locksmith.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.Username;
import dev.locksmith.core.testing.TestClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private final TestClock clock = new TestClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(15), Duration.ofHours(8), 10);

    @Test
    void identifiers_and_csrf_tokens_are_256_bit_random_and_distinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Sessions.Session s = sessions.create();
            assertThat(s.id).matches("[A-Za-z0-9_-]{43}");
            assertThat(s.csrf).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(s.id);
            assertThat(seen.add(s.id)).isTrue();
            assertThat(seen.add(s.csrf)).isTrue();
        }
    }

    @Test
    void sign_in_replaces_the_session_with_a_new_identifier_and_token() {
        Sessions.Session anonymous = sessions.create();
        Sessions.Session signed =
                sessions.signIn(Optional.of(anonymous), Username.of("rep"), false, Sessions.Role.PRIVILEGED);
        assertThat(signed.id).isNotEqualTo(anonymous.id);
        assertThat(signed.csrf).isNotEqualTo(anonymous.csrf);
        assertThat(sessions.find(anonymous.id)).isEmpty();
        assertThat(sessions.find(signed.id)).containsSame(signed);
        assertThat(signed.csrfMatches(anonymous.csrf)).isFalse();
        assertThat(signed.csrfMatches(signed.csrf)).isTrue();
        assertThat(signed.csrfMatches(null)).isFalse();
    }

    @Test
    void the_oldest_sessions_go_first_when_the_store_is_full() {
        Sessions.Session first = sessions.create();
        for (int i = 0; i < 10; i++) {
            sessions.create();
        }
        assertThat(sessions.size()).isEqualTo(10);
        assertThat(sessions.find(first.id)).isEmpty();
    }

    @Test
    void idle_and_absolute_timeouts_end_sessions() {
        Sessions.Session idle = sessions.create();
        clock.advance(Duration.ofMinutes(15));
        assertThat(sessions.find(idle.id)).isEmpty();

        Sessions.Session busy = sessions.create();
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(10));
            assertThat(sessions.find(busy.id))
                    .as("after %d minutes", (i + 1) * 10)
                    .isPresent();
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.find(busy.id)).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }
}
