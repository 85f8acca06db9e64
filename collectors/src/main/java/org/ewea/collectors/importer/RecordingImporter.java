package org.ewea.collectors.importer;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.feed.EntryParser;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.process.ImportAccount;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.recording.ManifestCapture;
import org.ewea.collectors.recording.RecordingException;
import org.ewea.collectors.recording.RecordingFiles;
import org.ewea.collectors.store.ImportLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a folder recording of feed captures (and of mirror pages, for a source the manifest gives a mirror
 * {@code profile}): each capture, in capture-time order, is read and checked against its SHA-256, parsed (with the
 * feed parser, or the profile's), normalised and stored. Every record is accounted for; an import that completed is not run again
 * for the same recording digest, and one that was interrupted is run again and stores only what is missing.
 */
public final class RecordingImporter {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingImporter.class);

    /** Captures larger than this are rejected unread (10 MiB, as for live fetches). */
    public static final long DEFAULT_MAX_CAPTURE_BYTES = 10L * 1024 * 1024;

    private final ImportLedger ledger;
    private final CaptureProcessor processor;
    private final InstantSource clock;
    private final long maxCaptureBytes;
    private final Function<String, Optional<EntryParser>> profileParsers;

    /** An importer of feed captures only: a source with a mirror profile has its captures rejected. */
    public RecordingImporter(
            ImportLedger ledger, CaptureProcessor processor, InstantSource clock, long maxCaptureBytes) {
        this(ledger, processor, clock, maxCaptureBytes, profile -> Optional.empty());
    }

    /**
     * @param profileParsers the parser of a mirror profile by its id ({@code MirrorProfiles::parser}), empty when no
     *     such profile ships
     */
    public RecordingImporter(
            ImportLedger ledger,
            CaptureProcessor processor,
            InstantSource clock,
            long maxCaptureBytes,
            Function<String, Optional<EntryParser>> profileParsers) {
        this.ledger = ledger;
        this.processor = processor;
        this.clock = clock;
        this.maxCaptureBytes = maxCaptureBytes;
        this.profileParsers = profileParsers;
    }

    /**
     * Imports the recording unless exactly this recording was imported completely before.
     *
     * @throws RecordingException when the recording's manifest cannot be read (nothing is imported then)
     */
    public ImportReport importRecording(FolderRecording recording) {
        Instant started = clock.instant();
        ImportAccount account = new ImportAccount(recording.captures().size());
        if (ledger.isCompleted(recording.id(), recording.digest())) {
            LOG.info("Recording {} ({}) was imported before; nothing to do", recording.id(), recording.describe());
            return account.report(
                    recording.id(), recording.digest(), ImportReport.Status.ALREADY_IMPORTED, started, clock.instant());
        }
        ledger.markStarted(recording.id(), recording.digest(), started);
        for (ManifestCapture entry : recording.captures()) {
            importCapture(recording, entry, account);
        }
        ImportReport report = account.report(
                recording.id(), recording.digest(), ImportReport.Status.IMPORTED, started, clock.instant());
        ledger.markCompleted(report);
        LOG.info(
                "Imported recording {}: {} captures ({} rejected), {} records: {} stored, {} merged, {} rejected",
                report.recordingId(),
                report.captures(),
                report.capturesRejected(),
                report.input(),
                report.stored(),
                report.merged(),
                report.rejected());
        return report;
    }

    private void importCapture(FolderRecording recording, ManifestCapture entry, ImportAccount account) {
        Capture capture;
        try {
            capture = recording.read(entry, maxCaptureBytes);
        } catch (RecordingFiles.CaptureTooLargeException e) {
            account.rejectCapture("capture too large", entry.file(), e.getMessage());
            return;
        } catch (IOException e) {
            account.rejectCapture("capture unreadable", entry.file(), String.valueOf(e.getMessage()));
            return;
        } catch (RecordingException e) {
            account.rejectCapture("capture digest mismatch", entry.file(), e.getMessage());
            return;
        }
        Optional<String> profileId = recording.profile(entry.source().id());
        if (profileId.isEmpty()) {
            account.add(capture.locator(), processor.process(capture));
            return;
        }
        Optional<EntryParser> parser = profileParsers.apply(profileId.get());
        if (parser.isEmpty()) {
            account.rejectCapture(
                    "unknown mirror profile",
                    entry.file(),
                    "the manifest names mirror profile '" + profileId.get() + "', which this importer does not read");
            return;
        }
        account.add(capture.locator(), processor.process(capture, parser.get()));
    }
}
