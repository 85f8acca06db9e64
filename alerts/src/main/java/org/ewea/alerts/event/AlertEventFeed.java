package org.ewea.alerts.event;

import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this instance about every alert event stored by any instance, through a MongoDB change stream on
 * {@code alert_events} (the embedded store supports them with its oplog on). Runs on its own daemon thread; after an
 * error it waits and resumes after the last event it saw, so nothing is skipped.
 */
public final class AlertEventFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEventFeed.class);
    private static final long RETRY_MILLIS = 2_000;
    /** After an empty poll (the embedded server answers at once rather than waiting for a change). */
    private static final long IDLE_MILLIS = 100;

    private final MongoCollection<Document> events;
    private final Consumer<AlertEvent> listener;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile @Nullable MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private @Nullable BsonDocument resumeToken;

    public AlertEventFeed(MongoDatabase database, Consumer<AlertEvent> listener) {
        this.events = database.getCollection(AlertEventLog.COLLECTION);
        this.listener = listener;
        this.thread = Thread.ofPlatform().daemon().name("ewea-alert-feed").unstarted(this::run);
    }

    /** Opens the change stream before returning: events stored after this call are seen. */
    public void start() {
        cursor = open();
        thread.start();
    }

    private MongoChangeStreamCursor<ChangeStreamDocument<Document>> open() {
        var stream = events.watch(List.of(Aggregates.match(Filters.eq("operationType", "insert"))))
                .maxAwaitTime(1, TimeUnit.SECONDS);
        if (resumeToken != null) {
            stream = stream.resumeAfter(resumeToken);
        }
        return stream.cursor();
    }

    private void run() {
        while (running) {
            try {
                var current = cursor == null ? open() : cursor;
                cursor = current;
                while (running) {
                    ChangeStreamDocument<Document> change = current.tryNext();
                    if (change == null) {
                        pause(IDLE_MILLIS);
                        continue;
                    }
                    resumeToken = change.getResumeToken();
                    Document inserted = change.getFullDocument();
                    if (inserted != null) {
                        deliver(AlertEventLog.read(inserted));
                    }
                }
            } catch (MongoException | IllegalStateException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Alert event feed interrupted ({}); resuming in {} ms", e.getMessage(), RETRY_MILLIS);
                closeCursor();
                pause(RETRY_MILLIS);
            }
        }
    }

    private void deliver(AlertEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.error("An alert event listener failed on event {}", event.sequence(), e);
        }
    }

    private void closeCursor() {
        var current = cursor;
        cursor = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the change stream cursor failed", e);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        closeCursor();
        thread.interrupt();
    }
}
