package dev.locksmith.core.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.locksmith.core.domain.AuditEvent;
import dev.locksmith.core.domain.AuditEvent.Outcome;
import dev.locksmith.core.domain.AuditRecord;
import dev.locksmith.core.domain.Operation;
import dev.locksmith.core.domain.Username;
import dev.locksmith.core.port.AuditTrail;
import dev.locksmith.core.port.AuditTrail.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AuditTrail} promises. Subclasses return a fresh, empty trail from {@link #newAuditTrail()}. */
public abstract class AuditTrailContract extends StoreContract<AuditTrail> {

    /** A fresh, empty trail; called once per test. */
    protected abstract AuditTrail newAuditTrail();

    @Override
    final AuditTrail freshStore() {
        return newAuditTrail();
    }

    private static AuditEvent event(int second, Username actor, Username target, String code) {
        return new AuditEvent(
                NOW.plusSeconds(second),
                Optional.ofNullable(actor),
                Operation.SET_PASSWORD,
                Optional.ofNullable(target),
                Outcome.SUCCESS,
                code,
                Map.of());
    }

    @Test
    void sequence_numbers_strictly_increase() {
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < 20; i++) {
            long sequence = store.record(event(i, ADMIN, ALICE, "OK"));
            assertThat(sequence).isGreaterThan(previous);
            previous = sequence;
        }
    }

    @Test
    void an_event_reads_back_with_every_field_and_its_sequence() {
        AuditEvent event = new AuditEvent(
                NOW,
                Optional.of(ADMIN),
                Operation.RESET_FAILED_LOGINS,
                Optional.of(ALICE),
                Outcome.DENIED,
                "DENIED_TARGET_IS_ADMINISTRATOR",
                Map.of("emailed", "true", "provider", "corp-ad", "odd=key", "line\nbreak\\back=slash", "empty", ""));
        long sequence = store.record(event);

        assertThat(store.read(Query.latest(10))).containsExactly(new AuditRecord(sequence, event));
    }

    @Test
    void an_anonymous_event_without_target_reads_back() {
        AuditEvent event = new AuditEvent(
                NOW,
                Optional.empty(),
                Operation.AUTHENTICATE,
                Optional.empty(),
                Outcome.REJECTED,
                "UNKNOWN_USER",
                Map.of());
        long sequence = store.record(event);
        assertThat(store.read(Query.latest(1))).containsExactly(new AuditRecord(sequence, event));
    }

    @Test
    void reads_newest_first_up_to_the_limit() {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sequences.add(store.record(event(i, ADMIN, ALICE, "E" + i)));
        }
        assertThat(store.read(Query.latest(3)))
                .extracting(AuditRecord::sequence)
                .containsExactly(sequences.get(4), sequences.get(3), sequences.get(2));
        assertThat(store.read(Query.latest(3)))
                .extracting(r -> r.event().code())
                .containsExactly("E4", "E3", "E2");
    }

    @Test
    void reads_events_of_a_user_as_actor_or_as_target() {
        store.record(event(1, ADMIN, ALICE, "A1"));
        store.record(event(2, ALICE, BOB, "A2"));
        store.record(event(3, ADMIN, BOB, "B1"));
        store.record(event(4, null, null, "N1"));

        Query aliceOnly = new Query(Optional.of(ALICE), Optional.empty(), 100);
        assertThat(store.read(aliceOnly)).extracting(r -> r.event().code()).containsExactly("A2", "A1");
        Query everyone = Query.latest(100);
        assertThat(store.read(everyone)).extracting(r -> r.event().code()).containsExactly("N1", "B1", "A2", "A1");
    }

    @Test
    void reads_only_events_before_the_given_sequence() {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sequences.add(store.record(event(i, ADMIN, ALICE, "E" + i)));
        }
        Query older = new Query(Optional.empty(), Optional.of(sequences.get(3)), 100);
        assertThat(store.read(older)).extracting(r -> r.event().code()).containsExactly("E2", "E1", "E0");
    }

    @Test
    void paging_with_before_visits_every_event_once() {
        for (int i = 0; i < 23; i++) {
            store.record(event(i, ADMIN, i % 2 == 0 ? ALICE : BOB, "E" + i));
        }
        List<String> codes = new ArrayList<>();
        Optional<Long> before = Optional.empty();
        while (true) {
            List<AuditRecord> page = store.read(new Query(Optional.of(ALICE), before, 5));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(r -> codes.add(r.event().code()));
            before = Optional.of(page.get(page.size() - 1).sequence());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 22; i >= 0; i -= 2) {
            expected.add("E" + i);
        }
        assertThat(codes).containsExactlyElementsOf(expected);
    }
}
