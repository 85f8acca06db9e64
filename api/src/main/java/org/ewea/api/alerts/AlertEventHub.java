package org.ewea.api.alerts;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.alerts.event.AlertEventFeed;
import org.springframework.beans.factory.DisposableBean;

/**
 * This instance's listeners to alert events (open SSE streams). The change-stream feed fills it with every event
 * stored by any instance.
 */
public final class AlertEventHub implements DisposableBean {

    private final Set<Consumer<AlertEvent>> listeners = new CopyOnWriteArraySet<>();
    private final AlertEventFeed feed;

    AlertEventHub(java.util.function.Function<Consumer<AlertEvent>, AlertEventFeed> feeds) {
        this.feed = feeds.apply(this::publish);
        this.feed.start();
    }

    /** Adds a listener; the returned handle removes it. */
    public AutoCloseable listen(Consumer<AlertEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish(AlertEvent event) {
        listeners.forEach(l -> l.accept(event));
    }

    @Override
    public void destroy() {
        feed.close();
    }
}
