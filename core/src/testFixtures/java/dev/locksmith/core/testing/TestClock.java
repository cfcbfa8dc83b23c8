package dev.locksmith.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link Clock} that stands still until a test moves it. UTC. Thread-safe. */
public final class TestClock extends Clock {
    /** Where new test clocks start. */
    public static final Instant START = Instant.parse("2026-01-15T09:00:00Z");

    private final AtomicReference<Instant> now;

    public TestClock() {
        this(START);
    }

    public TestClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public TestClock advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
        return this;
    }

    /** Sets the clock. */
    public TestClock set(Instant instant) {
        now.set(instant);
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a TestClock is always UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
