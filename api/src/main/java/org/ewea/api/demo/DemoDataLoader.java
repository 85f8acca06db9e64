package org.ewea.api.demo;

import java.time.InstantSource;
import org.ewea.api.config.EweaProperties;
import org.ewea.collectors.RecordingImporter;
import org.ewea.collectors.CaptureProcessor;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.recording.RecordingFiles;
import org.ewea.collectors.store.ImportLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Imports the demo recording bundled in the jar ({@code demo/} in the repository) through the collectors, once: the
 * import ledger remembers a completed import, and an interrupted one is completed at the next start.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    static final String LOCATION = "demo";

    private final EweaProperties properties;
    private final ImportLedger ledger;
    private final InstantSource clock;
    private final CaptureProcessor processor;

    DemoDataLoader(EweaProperties properties, ImportLedger ledger, CaptureProcessor processor, InstantSource clock) {
        this.processor = processor;
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
        FolderRecording demo = FolderRecording.open(RecordingFiles.classpath(getClass().getClassLoader(), LOCATION));
        ImportReport report = new RecordingImporter(ledger, processor, clock,
                RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES)
                .importRecording(demo);
        if (report.status() == ImportReport.Status.IMPORTED) {
            LOG.info("Demo recording '{}' imported: {} items stored, {} merged, {} rejected", demo.title(),
                    report.stored(), report.merged(), report.rejected());
        }
    }
}
