package org.ewea.collectors.harvest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.ewea.collectors.fetch.FailureReason;

/** The {@code source_runs} collection: every harvest run, newest first per source. All calls block. */
public final class HarvestRunRepository {

    public static final String COLLECTION = "source_runs";

    private final MongoCollection<Document> runs;

    public HarvestRunRepository(MongoDatabase database) {
        this.runs = database.getCollection(COLLECTION);
    }

    public void ensureIndexes() {
        runs.createIndex(
                Indexes.compoundIndex(Indexes.ascending("sourceId"), Indexes.descending("started")),
                new IndexOptions().name("source_started"));
    }

    public void insert(HarvestRun run) {
        runs.insertOne(new Document("_id", run.id())
                .append("sourceId", run.sourceId())
                .append("started", Date.from(run.started()))
                .append("finished", Date.from(run.finished()))
                .append("outcome", run.outcome().name())
                .append("failure", run.failure() == null ? null : run.failure().name())
                .append("detail", run.detail())
                .append("httpStatus", run.httpStatus())
                .append("attempts", run.attempts())
                .append("bytes", run.bytes())
                .append("rawSha256", run.rawSha256())
                .append("input", run.input())
                .append("stored", run.stored())
                .append("merged", run.merged())
                .append("rejected", run.rejected()));
    }

    /** A page of a source's runs, newest first. */
    public List<HarvestRun> page(String sourceId, int page, int size) {
        List<HarvestRun> result = new ArrayList<>();
        runs.find(eq("sourceId", sourceId))
                .sort(Sorts.descending("started"))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    public long count(String sourceId) {
        return runs.countDocuments(eq("sourceId", sourceId));
    }

    /** A source's runs that started at or after {@code since}, oldest first. */
    public List<HarvestRun> since(String sourceId, Instant since) {
        List<HarvestRun> result = new ArrayList<>();
        runs.find(and(eq("sourceId", sourceId), gte("started", Date.from(since))))
                .sort(Sorts.ascending("started"))
                .forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    private static HarvestRun fromDocument(Document d) {
        return new HarvestRun(
                d.getString("_id"),
                d.getString("sourceId"),
                d.getDate("started").toInstant(),
                d.getDate("finished").toInstant(),
                HarvestOutcome.valueOf(d.getString("outcome")),
                d.getString("failure") == null ? null : FailureReason.valueOf(d.getString("failure")),
                d.getString("detail"),
                d.getInteger("httpStatus"),
                d.getInteger("attempts", 0),
                number(d, "bytes"),
                d.getString("rawSha256"),
                number(d, "input"),
                number(d, "stored"),
                number(d, "merged"),
                number(d, "rejected"));
    }

    private static long number(Document d, String key) {
        Object value = d.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
