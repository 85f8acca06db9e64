package org.ewea.collectors.fetch;

import java.time.Duration;

/** Waits; tests replace it so that backoff and politeness take no wall time. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration);
}
