package org.ewea.collectors.replay;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated clock: it shows the time it was last set to. Replays set it to each capture's time before processing
 * the capture, so everything downstream sees the recorded time, never the wall clock.
 */
public final class ReplayClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public ReplayClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock; it never goes back. */
    public void advanceTo(Instant instant) {
        now.accumulateAndGet(instant, (current, next) -> next.isAfter(current) ? next : current);
    }
}
