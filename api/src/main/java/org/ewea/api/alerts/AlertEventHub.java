package org.ewea.api.alerts;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.alerts.event.AlertEventFeed;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * This instance's listeners to alert events (open SSE streams). The change-stream feed fills it with every event
 * stored by any instance. On shutdown it stops first, before the web server drains requests, and ends every open
 * stream, so clients reconnect (with Last-Event-ID, to any instance) instead of holding the shutdown up.
 */
public final class AlertEventHub implements SmartLifecycle {

    private final Set<Consumer<AlertEvent>> listeners = new CopyOnWriteArraySet<>();
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private final AlertEventFeed feed;
    private volatile boolean running;

    AlertEventHub(Function<Consumer<AlertEvent>, AlertEventFeed> feeds) {
        this.feed = feeds.apply(this::publish);
    }

    /** Adds a listener; the returned handle removes it. */
    public AutoCloseable listen(Consumer<AlertEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Completes when the instance shuts down: streams end with it. */
    public Mono<Void> closing() {
        return closing.asMono();
    }

    private void publish(AlertEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    @Override
    public void start() {
        feed.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        closing.tryEmitEmpty();
        feed.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown (which waits for open requests). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
