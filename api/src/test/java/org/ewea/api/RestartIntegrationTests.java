package org.ewea.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ewea.collectors.store.ImportLedger;
import org.ewea.scoring.signal.SignalBackfill;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** Stopping and starting the service on the same data keeps every item and imports nothing twice. */
class RestartIntegrationTests {

    @Test
    void restartKeepsItemsAndImportsNothingTwice() {
        Path data = TestDataDirs.create("restart");
        List<Object> firstIds;
        long firstTotal;
        List<SignalPoint> firstSignal;
        try (RunningApplication first = RunningApplication.start("ewea.data-dir=" + data)) {
            firstTotal = first.itemTotal();
            firstIds = ids(first);
            assertThat(first.bean(ImportLedger.class).status("ewea-demo")).contains("COMPLETED");
            firstSignal = ransomware(first);
            // As a store written before signals were recorded: items and ledger, no series.
            MongoDatabase db = first.bean(MongoDatabase.class);
            db.getCollection(SignalRepository.COLLECTION).drop();
            db.getCollection(SignalBackfill.MARKERS).drop();
        }
        assertThat(firstTotal).isEqualTo(2937);
        assertThat(firstSignal.stream().mapToLong(SignalPoint::count).sum()).isPositive();

        try (RunningApplication second = RunningApplication.start("ewea.data-dir=" + data)) {
            assertThat(second.itemTotal()).isEqualTo(firstTotal);
            assertThat(ids(second)).isEqualTo(firstIds);
            assertThat(ransomware(second))
                    .as("series rebuilt from the stored items, none twice")
                    .isEqualTo(firstSignal);
        }
    }

    @Test
    void withDemoDisabledAFreshStoreStaysEmpty() {
        Path data = TestDataDirs.create("no-demo");
        try (RunningApplication app = RunningApplication.start("ewea.data-dir=" + data, "ewea.demo-enabled=false")) {
            assertThat(app.itemTotal()).isZero();
        }
    }

    private static List<SignalPoint> ransomware(RunningApplication app) {
        return app.bean(SignalRepository.class)
                .daily("ransomware", LocalDate.parse("2025-01-01"), LocalDate.parse("2026-12-31"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(RunningApplication app) {
        Map<String, Object> page = app.client()
                .get()
                .uri("/api/v1/items?size=200&page=3")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(i -> i.get("id")).toList();
    }
}
