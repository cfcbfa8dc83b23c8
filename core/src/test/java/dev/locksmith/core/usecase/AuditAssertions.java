package dev.locksmith.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Username;
import java.util.Optional;

/** Assertions on audit events. */
final class AuditAssertions {
    private AuditAssertions() {}

    /** Asserts that {@code event} is a success of {@code action} on {@code target} without an actor. */
    static void assertSuccessWithoutActor(AuditEvent event, Operation action, String target) {
        assertThat(event)
                .as("a success without an actor")
                .extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::target, AuditEvent::actor)
                .containsExactly(
                        action, AuditEvent.Outcome.SUCCESS, Optional.of(Username.of(target)), Optional.empty());
    }
}
