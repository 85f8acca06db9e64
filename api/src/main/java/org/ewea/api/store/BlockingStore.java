package org.ewea.api.store;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs blocking store calls (mongodb-driver-sync) on a bounded pool of their own, never on an event-loop thread.
 * Every web handler that touches the store goes through {@link #call(Callable)}.
 */
public final class BlockingStore implements DisposableBean {

    /** Threads of the pool are named with this prefix. */
    public static final String THREAD_PREFIX = "ewea-store";

    private final Scheduler scheduler;

    public BlockingStore(int threads) {
        this.scheduler = Schedulers.newBoundedElastic(threads, 10_000, THREAD_PREFIX, 60, true);
    }

    /** A Mono that runs {@code work} on the store pool when subscribed. */
    public <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
