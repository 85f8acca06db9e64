package org.ewea.collectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import org.assertj.core.api.Assertions;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.accounting.Rejection;
import org.ewea.collectors.mirror.MirrorProfiles;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.recording.RecordingFiles;
import org.ewea.collectors.store.ImportLedger;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.Fixtures;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.SourceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RecordingImporterTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-21T12:00:00Z"));

    private ItemRepository items;
    private ImportLedger ledger;

    @BeforeEach
    void store() {
        MongoDatabase database = STORE.freshDatabase();
        items = new ItemRepository(database);
        ledger = new ImportLedger(database);
    }

    private RecordingImporter importer(long maxCaptureBytes) {
        return new RecordingImporter(
                ledger,
                new CaptureProcessor(items, TestAnnotators.defaults()),
                CLOCK,
                maxCaptureBytes,
                new MirrorProfiles()::parser);
    }

    private static FolderRecording ugly() throws URISyntaxException {
        Path root = Path.of(
                RecordingImporterTests.class.getResource("/recordings/ugly").toURI());
        return FolderRecording.open(RecordingFiles.directory(root));
    }

    @Test
    void importsTheDemoRecordingAccountingForEveryEntry() {
        FolderRecording demo = FolderRecording.open(RecordingFiles.directory(Fixtures.demoRecording()));
        ImportReport report =
                importer(RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES).importRecording(demo);

        // Expected figures were counted from the feed files by a separate script (demo/NOTICE.md).
        assertThat(report.status()).isEqualTo(ImportReport.Status.IMPORTED);
        // 60 feed captures and 189 dated ransomware chats, each chat one item read with the ransomchats profile
        assertThat(report.captures()).isEqualTo(60 + 189);
        assertThat(report.capturesRejected()).isZero();
        assertThat(report.input()).isEqualTo(494 + 2500 + 189);
        assertThat(report.stored()).isEqualTo(251 + 2497 + 189);
        assertThat(report.merged()).isEqualTo(243);
        assertThat(report.rejected()).isEqualTo(3); // three CTI-ANN posts have an empty text in the dataset
        assertThat(report.rejectionsByReason()).containsOnlyKeys("empty entry (no title and no text)");
        assertThat(items.count()).isEqualTo(2937);
        var kev = items.findAnnotated(
                        ItemId.forUrl(new SourceId("cisa-kev"), "https://nvd.nist.gov/vuln/detail/CVE-2025-54253"))
                .orElseThrow();
        assertThat(kev.annotations().entities()).extracting(e -> e.value()).contains("CVE-2025-54253");
        assertThat(kev.annotations().methodologyVersion()).startsWith("2026.11+");
        assertThat(ledger.isCompleted("ewea-demo", demo.digest())).isTrue();
    }

    @Test
    void aCompletedRecordingIsNotImportedTwice() throws Exception {
        importer(RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES).importRecording(ugly());
        long before = items.count();
        ImportReport again =
                importer(RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES).importRecording(ugly());
        assertThat(again.status()).isEqualTo(ImportReport.Status.ALREADY_IMPORTED);
        assertThat(again.input()).isZero();
        assertThat(items.count()).isEqualTo(before);
    }

    @Test
    void anInterruptedImportIsRunAgainAndStoresOnlyWhatIsMissing() throws Exception {
        FolderRecording recording = ugly();
        importer(RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES).importRecording(recording);
        ledger.markStarted(recording.id(), recording.digest(), CLOCK.instant()); // as if killed mid-way

        ImportReport rerun =
                importer(RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES).importRecording(recording);

        assertThat(rerun.status()).isEqualTo(ImportReport.Status.IMPORTED);
        assertThat(rerun.stored()).isZero();
        assertThat(rerun.merged()).isEqualTo(5);
        assertThat(items.count()).isEqualTo(3);
    }

    @Test
    void accountsForEveryWayACaptureOrEntryCanGoWrong() throws Exception {
        ImportReport report =
                importer(RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES).importRecording(ugly());

        assertThat(report.captures()).isEqualTo(7);
        assertThat(report.capturesRejected()).isEqualTo(4);
        assertThat(report.input()).isEqualTo(7); // good 2 + again 2 + hostile 3
        assertThat(report.stored()).isEqualTo(3);
        assertThat(report.merged()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.stored() + report.merged() + report.rejected()).isEqualTo(report.input());
        assertThat(report.rejectionsByReason())
                .containsOnly(
                        Assertions.entry("capture unreadable", 1L),
                        Assertions.entry("unparseable capture", 2L),
                        Assertions.entry("capture digest mismatch", 1L),
                        Assertions.entry("empty entry (no title and no text)", 2L));
        assertThat(report.rejections())
                .extracting(Rejection::locator)
                .contains(
                        "captures/missing.xml",
                        "captures/bomb.xml",
                        "captures/malformed.xml",
                        "captures/tampered.xml",
                        "captures/hostile.xml#entry-1",
                        "captures/hostile.xml#entry-2");
        assertThat(items.count()).isEqualTo(3);
    }

    @Test
    void rejectsCapturesOverTheSizeLimitUnread() throws Exception {
        ImportReport report = importer(200).importRecording(ugly());
        assertThat(report.rejectionsByReason()).containsKey("capture too large");
        assertThat(report.input()).isZero();
        assertThat(items.count()).isZero();
    }
}
