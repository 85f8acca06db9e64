package org.ewea.collectors.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps at least the politeness delay between two requests to the same host (across all sources). */
final class HostPoliteness {

    private final Duration delay;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final Map<String, Instant> nextAllowed = new ConcurrentHashMap<>();

    HostPoliteness(Duration delay, InstantSource clock, Sleeper sleeper) {
        this.delay = delay;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until the host may be asked again, and books the next slot. */
    void await(String host) throws InterruptedException {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        Instant now = clock.instant();
        Instant slot = nextAllowed.compute(host, (h, next) -> next == null || next.isBefore(now) ? now : next);
        nextAllowed.put(host, slot.plus(delay));
        Duration wait = Duration.between(now, slot);
        if (!wait.isZero() && !wait.isNegative()) {
            sleeper.sleep(wait);
        }
    }
}
