package org.ewea.api.demo;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ewea.alerts.engine.AlertEngine;
import org.ewea.api.config.EweaProperties;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.importer.RecordingImporter;
import org.ewea.collectors.mirror.MirrorProfiles;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.store.ImportLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Imports the demo recording bundled in the jar ({@code demo/} in the repository) through the collectors, once: the
 * import ledger remembers a completed import, and an interrupted one is completed at the next start. Then the alert
 * rules are evaluated as they would have been while the recording was captured: at the end of every day a capture
 * was made, with that day's picture (every read is bounded by the day), so the alerts a user finds are those the
 * service would have raised then, with their real lead on the authoritative record.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String LOCATION = "demo";

    private final EweaProperties properties;
    private final ImportLedger ledger;
    private final InstantSource clock;
    private final CaptureProcessor processor;
    private final DemoRecording demo;
    private final AlertEngine engine;

    DemoDataLoader(
            EweaProperties properties,
            ImportLedger ledger,
            CaptureProcessor processor,
            InstantSource clock,
            DemoRecording demo,
            AlertEngine engine) {
        this.processor = processor;
        this.demo = demo;
        this.engine = engine;
        this.properties = properties;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoEnabled()) {
            LOG.info("Demo data disabled (EWEA_DEMO_ENABLED=false)");
            return;
        }
        FolderRecording recording = this.demo.recording().orElseThrow();
        String replayed = recording.id() + ":alerts-replayed";
        boolean alertsReplayed = ledger.isCompleted(replayed, recording.digest());
        ImportReport report = new RecordingImporter(
                        ledger,
                        processor,
                        clock,
                        RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES,
                        new MirrorProfiles()::parser)
                .importRecording(recording);
        if (report.status() == ImportReport.Status.IMPORTED) {
            LOG.info(
                    "Demo recording '{}' imported: {} items stored, {} merged, {} rejected",
                    recording.title(),
                    report.stored(),
                    report.merged(),
                    report.rejected());
        }
        if (!alertsReplayed) {
            replayAlerts(recording, replayed);
        }
    }

    /** Evaluates the alert rules at the end of every capture day of the recording, in order, once. */
    private void replayAlerts(FolderRecording recording, String ledgerId) {
        Instant started = clock.instant();
        ledger.markStarted(ledgerId, recording.digest(), started);
        SortedSet<LocalDate> days = new TreeSet<>();
        recording.captures().forEach(c -> days.add(LocalDate.ofInstant(c.captured(), ZoneOffset.UTC)));
        int raised = 0;
        for (LocalDate day : days) {
            raised += engine.evaluateAt(day.atTime(23, 59, 59).toInstant(ZoneOffset.UTC))
                    .raised();
        }
        ledger.markCompleted(new ImportReport(
                ledgerId,
                recording.digest(),
                ImportReport.Status.IMPORTED,
                days.size(),
                0,
                0,
                0,
                0,
                0,
                Map.of(),
                List.of(),
                started,
                clock.instant()));
        LOG.info(
                "Demo alerts replayed over {} capture days of '{}': {} alerts raised as the service would have"
                        + " raised them then",
                days.size(),
                recording.title(),
                raised);
    }
}
