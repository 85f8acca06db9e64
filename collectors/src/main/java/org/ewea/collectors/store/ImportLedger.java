package org.ewea.collectors.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.accounting.Rejection;

/**
 * The {@code recording_imports} collection: which recording (by id and digest) was imported, whether the import
 * completed, and its report. An import that was interrupted stays STARTED and is run again at the next chance; item
 * storage is idempotent, so running it again stores only what is missing.
 */
public final class ImportLedger {

    public static final String COLLECTION = "recording_imports";

    private final MongoCollection<Document> imports;

    public ImportLedger(MongoDatabase database) {
        this.imports = database.getCollection(COLLECTION);
    }

    /** True when this recording, with exactly this digest, was imported to the end. */
    public boolean isCompleted(String recordingId, String digest) {
        Document entry = imports.find(eq("_id", recordingId)).first();
        return entry != null
                && digest.equals(entry.getString("digest"))
                && "COMPLETED".equals(entry.getString("status"));
    }

    public void markStarted(String recordingId, String digest, Instant started) {
        imports.replaceOne(
                eq("_id", recordingId),
                new Document("_id", recordingId)
                        .append("digest", digest)
                        .append("status", "STARTED")
                        .append("started", Date.from(started)),
                new ReplaceOptions().upsert(true));
    }

    public void markCompleted(ImportReport report) {
        List<Document> rejections = new ArrayList<>();
        for (Rejection rejection : report.rejections()) {
            rejections.add(new Document("reason", rejection.reason())
                    .append("locator", rejection.locator())
                    .append("detail", rejection.detail()));
        }
        List<Document> byReason = new ArrayList<>();
        report.rejectionsByReason()
                .forEach((reason, count) -> byReason.add(new Document("reason", reason).append("count", count)));
        imports.replaceOne(
                eq("_id", report.recordingId()),
                new Document("_id", report.recordingId())
                        .append("digest", report.digest())
                        .append("status", "COMPLETED")
                        .append("started", Date.from(report.started()))
                        .append("finished", Date.from(report.finished()))
                        .append("captures", report.captures())
                        .append("capturesRejected", report.capturesRejected())
                        .append("input", report.input())
                        .append("stored", report.stored())
                        .append("merged", report.merged())
                        .append("rejected", report.rejected())
                        .append("rejectionsByReason", byReason)
                        .append("rejections", rejections),
                new ReplaceOptions().upsert(true));
    }

    /** The stored status of a recording's import: STARTED, COMPLETED, or empty if never imported. */
    public Optional<String> status(String recordingId) {
        return Optional.ofNullable(imports.find(eq("_id", recordingId)).first()).map(d -> d.getString("status"));
    }
}
