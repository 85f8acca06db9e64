package org.ewea.alerts.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.definition.Methodology;
import org.jspecify.annotations.Nullable;

/**
 * Turns new alert events into deliveries for every enabled webhook and e-mail subscription whose filter they pass
 * and whose owner is cleared for their marking. Reads the event log from a cursor kept in the store
 * ({@code counters}), so each event is planned once across instances (run it under a cluster lock). Event numbers
 * are taken before the event is stored, so an instance can store event 6 before another stores event 5: the cursor
 * only moves over an unbroken run of numbers, and a gap is skipped only once it has stayed open for
 * {@code gapTimeout} of wall time (a number taken by an instance that died before storing its event). Blocks.
 */
public final class DeliveryPlanner {

    static final String CURSOR = "delivery-cursor";
    private static final int BATCH = 500;

    private final AlertEventLog events;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final Methodology methodology;
    private final Function<String, Optional<Clearance>> clearance;
    private final MongoCollection<Document> counters;
    private final InstantSource clock;
    private final InstantSource wallClock;
    private final Duration gapTimeout;
    private @Nullable Instant gapSeen;

    /**
     * @param clearance a user's clearance, empty when the user no longer exists
     * @param clock the service clock (stamps deliveries)
     * @param wallClock real time, for the gap timeout
     */
    public DeliveryPlanner(
            AlertEventLog events,
            SubscriptionRepository subscriptions,
            DeliveryRepository deliveries,
            Methodology methodology,
            Function<String, Optional<Clearance>> clearance,
            MongoDatabase database,
            InstantSource clock,
            InstantSource wallClock,
            Duration gapTimeout) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.methodology = methodology;
        this.clearance = clearance;
        this.counters = database.getCollection("counters");
        this.clock = clock;
        this.wallClock = wallClock;
        this.gapTimeout = gapTimeout;
    }

    /** Plans deliveries for the events after the cursor; the number of deliveries planned. */
    public synchronized int plan() {
        long cursor = cursor();
        List<AlertEvent> batch = events.after(cursor, BATCH, Clearance.FULL);
        List<Subscription> active = subscriptions.enabled().stream()
                .filter(s -> s.channel() != Channel.SSE)
                .toList();
        int planned = 0;
        long next = cursor;
        for (AlertEvent e : batch) {
            if (e.sequence() != next + 1) {
                Instant now = wallClock.instant();
                if (gapSeen == null) {
                    gapSeen = now;
                }
                if (Duration.between(gapSeen, now).compareTo(gapTimeout) < 0) {
                    break;
                }
            }
            gapSeen = null;
            for (Subscription s : active) {
                boolean cleared = clearance
                        .apply(s.owner())
                        .map(c -> c.permits(e.tlp(), e.handling()))
                        .orElse(false);
                if (cleared && s.filter().matches(e, methodology)) {
                    Instant now = clock.instant();
                    if (deliveries.insertIfAbsent(new Delivery(
                            s.id() + ":" + e.sequence(),
                            s.id(),
                            s.owner(),
                            s.channel(),
                            e.sequence(),
                            e.alertId(),
                            Delivery.Status.PENDING,
                            0,
                            now,
                            null,
                            now,
                            null))) {
                        planned++;
                    }
                }
            }
            next = e.sequence();
        }
        if (next != cursor) {
            counters.replaceOne(
                    Filters.eq("_id", CURSOR),
                    new Document("_id", CURSOR).append("seq", next),
                    new ReplaceOptions().upsert(true));
        }
        return planned;
    }

    private long cursor() {
        Document d = counters.find(Filters.eq("_id", CURSOR)).first();
        return d == null ? 0 : d.get("seq", Number.class).longValue();
    }
}
