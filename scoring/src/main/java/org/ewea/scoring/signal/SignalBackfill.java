package org.ewea.scoring.signal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.ewea.collectors.store.ItemRepository;

/**
 * Builds the signal series afresh from the items already stored, once per database and series version: for stores
 * filled before signals were recorded at import time, or before the series changed shape. Claimed by a marker document in {@code scoring_migrations} so that of several instances
 * starting together only one rebuilds, and a later start does nothing. Must run before anything imports or
 * harvests (at start-up, before the scheduler), since items stored meanwhile would be counted twice.
 */
public final class SignalBackfill {

    public static final String MARKERS = "scoring_migrations";
    /**
     * Bumped whenever what the series hold changes: v2 added the all-items series, v3 tracked entities, v4-v6 cue,
     * focus and dark-web counts, v7 the novel-term counts, v8 the sources where a term spoke (speaker labels), v9
     * multi-word speaker labels, v10 the counts per marking and handling code (readers' pictures), v11 the sources
     * where an actor noun stood beside a term, multi-word names inside sentences, amounts and measures left out, v12
     * cue phrases in hedged sentences ("could be exploited") no longer counted.
     */
    static final String MARKER_ID = "signals-v12";

    /** What a call did. */
    public enum Outcome {
        /** Rebuilt from the stored items just now. */
        REBUILT,
        /** Done before (by this or another instance). */
        ALREADY_DONE,
        /** Claimed before but never finished: the series may be incomplete (see docs/operations.md). */
        INCOMPLETE
    }

    /** The outcome and how many items were read. */
    public record Result(Outcome outcome, long itemsRead) {}

    private final MongoCollection<Document> markers;
    private final ItemRepository items;
    private final List<DerivedSeries> series;
    private final InstantSource clock;

    public SignalBackfill(MongoDatabase database, ItemRepository items, SignalRepository signals, InstantSource clock) {
        this(database, items, List.of(signals), clock);
    }

    /** @param series everything derived from the items that the backfill rebuilds (the signal series first) */
    public SignalBackfill(
            MongoDatabase database, ItemRepository items, List<DerivedSeries> series, InstantSource clock) {
        this.markers = database.getCollection(MARKERS);
        this.items = items;
        this.series = List.copyOf(series);
        this.clock = clock;
    }

    public Result runOnce() {
        try {
            markers.insertOne(new Document("_id", MARKER_ID)
                    .append("state", "started")
                    .append("started", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document marker = markers.find(Filters.eq("_id", MARKER_ID)).first();
            boolean done = marker != null && "done".equals(marker.getString("state"));
            return new Result(done ? Outcome.ALREADY_DONE : Outcome.INCOMPLETE, 0);
        }
        series.forEach(DerivedSeries::clear);
        long read = items.forEachAnnotated(1000, batch -> series.forEach(s -> s.record(batch)));
        markers.updateOne(
                Filters.eq("_id", MARKER_ID),
                Updates.combine(
                        Updates.set("state", "done"),
                        Updates.set("finished", Date.from(clock.instant())),
                        Updates.set("items", read)));
        return new Result(Outcome.REBUILT, read);
    }
}
