package org.ewea.collectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.accounting.Rejection;
import org.junit.jupiter.api.Test;

/** What every MongoDB the import ledger runs on must do. Subclasses say which MongoDB. */
abstract class ImportLedgerContract {

    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");

    protected abstract MongoDatabase database();

    @Test
    void tracksAnImportFromStartedToCompleted() {
        MongoDatabase database = database();
        ImportLedger ledger = new ImportLedger(database);
        assertThat(ledger.status("demo")).isEmpty();
        assertThat(ledger.isCompleted("demo", "d1")).isFalse();

        ledger.markStarted("demo", "d1", T0);
        assertThat(ledger.status("demo")).contains("STARTED");
        assertThat(ledger.isCompleted("demo", "d1")).isFalse();

        ledger.markCompleted(new ImportReport(
                "demo",
                "d1",
                ImportReport.Status.IMPORTED,
                3,
                1,
                10,
                6,
                3,
                1,
                Map.of("empty entry", 1L, "unparseable feed", 1L),
                List.of(
                        new Rejection("unparseable feed", "captures/bad.xml", "not a feed: line 1"),
                        new Rejection("empty entry", "captures/a.xml#entry-4", "empty entry")),
                T0,
                T0.plusSeconds(2)));
        assertThat(ledger.isCompleted("demo", "d1")).isTrue();
        assertThat(ledger.isCompleted("demo", "other-digest")).isFalse();

        Document stored = database.getCollection(ImportLedger.COLLECTION).find().first();
        assertThat(stored.getInteger("capturesRejected")).isEqualTo(1);
        assertThat(stored.getLong("stored")).isEqualTo(6);
        assertThat(stored.getList("rejections", Document.class))
                .extracting(d -> d.getString("locator"))
                .containsExactly("captures/bad.xml", "captures/a.xml#entry-4");
        assertThat(stored.getList("rejectionsByReason", Document.class)).hasSize(2);
    }

    @Test
    void aNewDigestOfTheSameRecordingStartsOver() {
        ImportLedger ledger = new ImportLedger(database());
        ledger.markCompleted(new ImportReport(
                "demo", "d1", ImportReport.Status.IMPORTED, 0, 0, 0, 0, 0, 0, Map.of(), List.of(), T0, T0));
        ledger.markStarted("demo", "d2", T0.plusSeconds(60));
        assertThat(ledger.status("demo")).contains("STARTED");
        assertThat(ledger.isCompleted("demo", "d1")).isFalse();
    }
}
