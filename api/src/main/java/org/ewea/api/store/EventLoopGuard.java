package org.ewea.api.store;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * Watches every MongoDB command and reports one issued from a non-blocking (event-loop) thread: such a call stalls
 * every request served by that loop. The count is exposed for tests and health checks.
 */
public final class EventLoopGuard implements CommandListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoopGuard.class);

    private final AtomicLong violations = new AtomicLong();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (Schedulers.isInNonBlockingThread()) {
            violations.incrementAndGet();
            LOG.error(
                    "Blocking MongoDB command '{}' issued on event-loop thread {}: use BlockingStore",
                    event.getCommandName(),
                    Thread.currentThread().getName(),
                    new IllegalStateException("here"));
        }
    }

    /** Commands seen on non-blocking threads since start. */
    public long violations() {
        return violations.get();
    }
}
