package org.ewea.alerts.event;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.Subject;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * The alert events ({@code alert_events}), numbered from a counter shared by every instance ({@code counters}). The
 * log is the outbox: an event is stored before anyone is told, and streams and deliveries read it back. All calls
 * block.
 */
public final class AlertEventLog {

    public static final String COLLECTION = "alert_events";
    static final String COUNTERS = "counters";
    private static final String COUNTER = "alert_events";

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;

    public AlertEventLog(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
        this.counters = database.getCollection(COUNTERS);
    }

    /** Numbers and stores an event of the alert (as it is after the change). */
    public AlertEvent append(String type, Instant at, Alert alert, @Nullable String note) {
        Document counter = counters.findOneAndUpdate(
                Filters.eq("_id", COUNTER),
                Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long sequence = counter.get("seq", Number.class).longValue();
        AlertEvent event = AlertEvent.of(sequence, type, at, alert, note);
        events.insertOne(write(event));
        return event;
    }

    /** Up to {@code limit} events after {@code sequence}, in order, of those the clearance allows. */
    public List<AlertEvent> after(long sequence, int limit, Clearance clearance) {
        List<AlertEvent> found = new ArrayList<>();
        events.find(Markings.and(Filters.gt("_id", sequence), clearance))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(d -> found.add(read(d)));
        return found;
    }

    /** One event by number. */
    public Optional<AlertEvent> find(long sequence) {
        return Optional.ofNullable(events.find(Filters.eq("_id", sequence)).first())
                .map(AlertEventLog::read);
    }

    /** The number of the last event, 0 when there is none. */
    public long last() {
        Document newest = events.find().sort(Sorts.descending("_id")).limit(1).first();
        return newest == null ? 0 : newest.get("_id", Number.class).longValue();
    }

    static Document write(AlertEvent e) {
        return new Document("_id", e.sequence())
                .append("type", e.type())
                .append("at", Date.from(e.at()))
                .append("alertId", e.alertId())
                .append("ruleId", e.ruleId())
                .append("state", e.state().name())
                .append("title", e.title())
                .append(
                        "subject",
                        new Document("kind", e.subject().kind())
                                .append("id", e.subject().id())
                                .append("label", e.subject().label()))
                .append("category", e.category())
                .append("stage", e.stage())
                .append("priority", e.priority())
                .append("score", e.score())
                .append("tlp", e.tlp().name())
                .append(Markings.HANDLING, Markings.handlingDocument(e.handling()))
                .append("grade", e.grade())
                .append("note", e.note());
    }

    static AlertEvent read(Document d) {
        Document s = d.get("subject", Document.class);
        Number score = d.get("score", Number.class);
        return new AlertEvent(
                d.get("_id", Number.class).longValue(),
                d.getString("type"),
                d.getDate("at").toInstant(),
                d.getString("alertId"),
                d.getString("ruleId"),
                AlertState.valueOf(d.getString("state")),
                d.getString("title"),
                new Subject(s.getString("kind"), s.getString("id"), s.getString("label")),
                d.getString("category"),
                d.getString("stage"),
                d.getString("priority"),
                score == null ? null : score.doubleValue(),
                Tlp.valueOf(d.getString("tlp")),
                Markings.handling(d),
                d.getString("grade"),
                d.getString("note"));
    }
}
