package org.ewea.collectors.harvest;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** The {@code source_state} collection: one document per source that has run. All calls block. */
public final class SourceStateRepository {

    public static final String COLLECTION = "source_state";

    private final MongoCollection<Document> states;

    public SourceStateRepository(MongoDatabase database) {
        this.states = database.getCollection(COLLECTION);
    }

    public SourceState find(String sourceId) {
        Document d = states.find(eq("_id", sourceId)).first();
        if (d == null) {
            return SourceState.initial(sourceId);
        }
        return new SourceState(
                sourceId,
                d.getString("etag"),
                d.getString("lastModified"),
                instant(d, "lastRun"),
                d.getString("lastOutcome") == null ? null : HarvestOutcome.valueOf(d.getString("lastOutcome")),
                instant(d, "lastSuccess"),
                instant(d, "lastNewItems"),
                d.getInteger("failureStreak", 0));
    }

    public void save(SourceState state) {
        states.replaceOne(
                eq("_id", state.sourceId()),
                new Document("_id", state.sourceId())
                        .append("etag", state.etag())
                        .append("lastModified", state.lastModified())
                        .append("lastRun", date(state.lastRun()))
                        .append(
                                "lastOutcome",
                                state.lastOutcome() == null
                                        ? null
                                        : state.lastOutcome().name())
                        .append("lastSuccess", date(state.lastSuccess()))
                        .append("lastNewItems", date(state.lastNewItems()))
                        .append("failureStreak", state.failureStreak()),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Notes that a harvest of the source started (cleared by the {@link #save} that records its end), so that a
     * harvest the process never finished (killed during it) is told from one that never ran.
     */
    public void markStarted(String sourceId, Instant started) {
        states.updateOne(
                eq("_id", sourceId),
                Updates.set("harvestStarted", Date.from(started)),
                new UpdateOptions().upsert(true));
    }

    /** When a harvest of the source started that has not recorded its end, if one did. */
    public Optional<Instant> unfinished(String sourceId) {
        Document d = states.find(eq("_id", sourceId)).first();
        return Optional.ofNullable(d == null ? null : instant(d, "harvestStarted"));
    }

    private static @Nullable Instant instant(Document d, String key) {
        return d.getDate(key) == null ? null : d.getDate(key).toInstant();
    }

    private static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
