package org.ewea.collectors.harvest;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.CaptureResult;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.feed.FeedEntry;
import org.ewea.collectors.feed.FeedParseException;
import org.ewea.collectors.fetch.FailureReason;
import org.ewea.collectors.fetch.FetchRequest;
import org.ewea.collectors.fetch.FetchResult;
import org.ewea.collectors.fetch.HttpFetcher;
import org.ewea.collectors.importer.RecordingImporter;
import org.ewea.collectors.mirror.HtmlProfileParser;
import org.ewea.collectors.mirror.MirrorFolderReplayer;
import org.ewea.collectors.mirror.MirrorProfile;
import org.ewea.collectors.mirror.MirrorProfiles;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.recording.RecordingException;
import org.ewea.collectors.recording.RecordingFiles;
import org.ewea.collectors.replay.ReplayClock;
import org.ewea.collectors.replay.WarcReplayer;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.store.ImportLedger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests one source now: feed sources are fetched (conditional GET) and parsed; folder sources are imported as
 * recordings. Every run is recorded with its outcome and accounting, and the source's state is updated. Never throws
 * for a source's failure: that is a FAILED run.
 */
public final class Harvester {

    private static final Logger LOG = LoggerFactory.getLogger(Harvester.class);

    private final HttpFetcher fetcher;
    private final CaptureProcessor processor;
    private final ImportLedger ledger;
    private final HarvestRunRepository runs;
    private final SourceStateRepository states;
    private final InstantSource clock;

    public Harvester(
            HttpFetcher fetcher,
            CaptureProcessor processor,
            ImportLedger ledger,
            HarvestRunRepository runs,
            SourceStateRepository states,
            InstantSource clock) {
        this.fetcher = fetcher;
        this.processor = processor;
        this.ledger = ledger;
        this.runs = runs;
        this.states = states;
        this.clock = clock;
    }

    public HarvestRun harvest(Source source) {
        Instant started = clock.instant();
        SourceState state = states.find(source.id().value());
        states.markStarted(source.id().value(), started);
        RunResult result;
        try {
            result = switch (source.kind()) {
                case FEED -> feed(source, state);
                case FOLDER -> folder(source);
                case WARC -> warc(source);
                case WEB -> web(source, state);
            };
        } catch (RuntimeException | StackOverflowError e) {
            // whatever the content did, the harvest answers and its run is recorded
            LOG.error("Harvest of {} failed while processing what was fetched", source.id(), e);
            result = RunResult.failed(FailureReason.PROCESSING, "processing failed: " + e, null, 0);
        }
        HarvestRun run = new HarvestRun(
                UUID.randomUUID().toString(),
                source.id().value(),
                started,
                clock.instant(),
                result.outcome,
                result.failure,
                result.detail,
                result.status,
                result.attempts,
                result.bytes,
                result.sha256,
                result.input,
                result.stored,
                result.merged,
                result.rejected);
        runs.insert(run);
        states.save(state.after(run, result.etag, result.lastModified));
        LOG.info(
                "Harvested {}: {}{} ({} in, {} new, {} merged, {} rejected)",
                source.id(),
                run.outcome(),
                run.failure() == null ? "" : " " + run.failure() + ": " + run.detail(),
                run.input(),
                run.stored(),
                run.merged(),
                run.rejected());
        return run;
    }

    private RunResult feed(Source source, SourceState state) {
        if (source.url() == null) {
            return RunResult.failed(FailureReason.CONNECTION, "the source has no URL", null, 0);
        }
        FetchResult fetched = fetcher.fetch(
                new FetchRequest(source.url(), state.etag(), state.lastModified(), source.proxy(), source.local()));
        return switch (fetched) {
            case FetchResult.NotModified notModified ->
                new RunResult(
                        HarvestOutcome.NOT_MODIFIED,
                        null,
                        "not modified since the last fetch",
                        304,
                        notModified.attempts(),
                        0,
                        null,
                        0,
                        0,
                        0,
                        0,
                        null,
                        null);
            case FetchResult.Failed failed ->
                RunResult.failed(failed.reason(), failed.detail(), failed.status(), failed.attempts());
            case FetchResult.Fetched body -> parseAndStore(source, body);
        };
    }

    private RunResult parseAndStore(Source source, FetchResult.Fetched body) {
        String sha256 = Digests.sha256Hex(body.body());
        Capture capture = new Capture(
                definition(source),
                body.finalUrl().toString(),
                body.finalUrl(),
                body.fetched(),
                body.contentType(),
                body.body(),
                sha256);
        CaptureResult result = processor.process(capture);
        if (result.parseError() != null) {
            return RunResult.failed(FailureReason.PARSE_ERROR, result.parseError(), body.status(), body.attempts())
                    .withBody(body.body().length, sha256);
        }
        String detail = result.entries() + " entries"
                + (result.rejected() == 0 ? "" : "; rejected: " + result.rejectedByReason());
        return new RunResult(
                result.stored() > 0 ? HarvestOutcome.NEW_ITEMS : HarvestOutcome.EMPTY,
                null,
                detail,
                body.status(),
                body.attempts(),
                body.body().length,
                sha256,
                result.entries(),
                result.stored(),
                result.merged(),
                result.rejected(),
                body.etag(),
                body.lastModified());
    }

    private RunResult folder(Source source) {
        if (source.profile() != null) {
            return mirror(source);
        }
        try {
            FolderRecording recording = FolderRecording.open(RecordingFiles.directory(Path.of(source.path())));
            ImportReport report = new RecordingImporter(
                            ledger,
                            processor,
                            clock,
                            RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES,
                            new MirrorProfiles()::parser)
                    .importRecording(recording);
            HarvestOutcome outcome = report.status() == ImportReport.Status.ALREADY_IMPORTED
                    ? HarvestOutcome.NOT_MODIFIED
                    : report.stored() > 0 ? HarvestOutcome.NEW_ITEMS : HarvestOutcome.EMPTY;
            return new RunResult(
                    outcome,
                    null,
                    report.captures() + " captures (" + report.capturesRejected()
                            + " rejected); rejected records by reason: " + report.rejectionsByReason(),
                    null,
                    1,
                    0,
                    recording.digest(),
                    report.input(),
                    report.stored(),
                    report.merged(),
                    report.rejected(),
                    null,
                    null);
        } catch (RecordingException e) {
            return RunResult.failed(FailureReason.PARSE_ERROR, e.getMessage(), null, 1);
        }
    }

    /**
     * Fetches a web source's page, and the pages its profile's "next" link leads to (at most its page limit), and
     * reads the entries on each with the profile's selectors. Conditional GET applies to the first page.
     */
    private RunResult web(Source source, SourceState state) {
        var profile = source.profile() == null
                ? Optional.<MirrorProfile>empty()
                : new MirrorProfiles().find(source.profile());
        if (profile.isEmpty() || profile.get().html() == null || source.url() == null) {
            return RunResult.failed(FailureReason.PARSE_ERROR, "web source without an html profile or URL", null, 0);
        }
        var parser = new HtmlProfileParser(profile.get());
        URI page = source.url();
        RunResult total = null;
        Set<URI> seen = new HashSet<>();
        int[] detailBudget = {parser.followsEntries() ? parser.maxDetails() : 0};
        for (int n = 0; n < profile.get().html().maxPages() && page != null && seen.add(page); n++) {
            FetchResult fetched = fetcher.fetch(new FetchRequest(
                    page,
                    n == 0 ? state.etag() : null,
                    n == 0 ? state.lastModified() : null,
                    source.proxy(),
                    source.local()));
            if (!(fetched instanceof FetchResult.Fetched body)) {
                RunResult stop = switch (fetched) {
                    case FetchResult.NotModified nm ->
                        new RunResult(
                                HarvestOutcome.NOT_MODIFIED,
                                null,
                                "not modified since the last fetch",
                                304,
                                nm.attempts(),
                                0,
                                null,
                                0,
                                0,
                                0,
                                0,
                                null,
                                null);
                    case FetchResult.Failed f ->
                        RunResult.failed(f.reason(), "page " + (n + 1) + ": " + f.detail(), f.status(), f.attempts());
                    default -> throw new IllegalStateException();
                };
                return total == null ? stop : total;
            }
            String sha256 = Digests.sha256Hex(body.body());
            Capture capture = new Capture(
                    definition(source),
                    body.finalUrl().toString(),
                    body.finalUrl(),
                    body.fetched(),
                    body.contentType(),
                    body.body(),
                    sha256);
            CaptureResult result = parser.followsEntries()
                    ? followEntries(source, capture, parser, detailBudget)
                    : processor.process(capture, parser);
            RunResult pageResult = new RunResult(
                    result.stored() > 0 ? HarvestOutcome.NEW_ITEMS : HarvestOutcome.EMPTY,
                    null,
                    (n + 1) + " page(s)",
                    body.status(),
                    body.attempts(),
                    body.body().length,
                    sha256,
                    result.entries(),
                    result.stored(),
                    result.merged(),
                    result.rejected(),
                    n == 0 ? body.etag() : null,
                    n == 0 ? body.lastModified() : null);
            total = total == null ? pageResult : total.plus(pageResult);
            try {
                page = parser.next(capture).map(URI::create).orElse(null);
            } catch (FeedParseException | IllegalArgumentException e) {
                page = null;
            }
        }
        return total;
    }

    /**
     * Follows the entries of a list page to their own pages (depth 1): each page not stored yet is fetched (within
     * the budget) and read as a capture of its own; entries already stored count as merged, and entries whose page
     * could not be had (or over the budget) as rejected with the reason.
     */
    private CaptureResult followEntries(Source source, Capture list, HtmlProfileParser parser, int[] budget) {
        List<FeedEntry> entries;
        try {
            entries = parser.parse(list);
        } catch (FeedParseException e) {
            processor.process(list, parser); // keeps the raw list page and reports it unparseable
            return CaptureResult.unparseable(e.getMessage());
        }
        long stored = 0;
        long merged = 0;
        List<CaptureResult.RejectedEntry> rejected = new ArrayList<>();
        for (FeedEntry entry : entries) {
            String locator = list.locator() + "#entry-" + entry.index();
            if (entry.link() == null || entry.link().isBlank()) {
                rejected.add(new CaptureResult.RejectedEntry("entry without a link to follow", locator));
            } else if (processor.isStored(source.id(), entry.link())) {
                merged++;
            } else if (budget[0] <= 0) {
                rejected.add(new CaptureResult.RejectedEntry("entry page budget spent (maxDetails)", locator));
            } else {
                budget[0]--;
                URI link;
                try {
                    link = URI.create(entry.link());
                } catch (IllegalArgumentException e) {
                    rejected.add(new CaptureResult.RejectedEntry("entry link is not a URL", locator));
                    continue;
                }
                FetchResult fetched = fetcher.fetch(new FetchRequest(link, null, null, source.proxy(), source.local()));
                if (fetched instanceof FetchResult.Fetched page) {
                    Capture capture = new Capture(
                            definition(source),
                            page.finalUrl().toString(),
                            page.finalUrl(),
                            page.fetched(),
                            page.contentType(),
                            page.body(),
                            Digests.sha256Hex(page.body()));
                    CaptureResult result = processor.process(capture, parser.detail(entry));
                    stored += result.stored();
                    merged += result.merged();
                    result.rejectedEntries().forEach(rejected::add);
                } else if (fetched instanceof FetchResult.Failed failed) {
                    rejected.add(new CaptureResult.RejectedEntry("entry page failed: " + failed.reason(), locator));
                } else {
                    merged++;
                }
            }
        }
        return new CaptureResult(null, entries.size(), stored, merged, rejected);
    }

    /** Reads a folder mirror through the source's profile, on a simulated clock. */
    private RunResult mirror(Source source) {
        Path folder = Path.of(source.path());
        var profile = new MirrorProfiles().find(source.profile());
        if (profile.isEmpty() || !Files.isDirectory(folder)) {
            return RunResult.failed(
                    FailureReason.PARSE_ERROR,
                    profile.isEmpty() ? "no mirror profile '" + source.profile() + "'" : "no folder at " + folder,
                    null,
                    1);
        }
        ImportReport report = new MirrorFolderReplayer(processor, RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES)
                .replay(folder, profile.get(), definition(source), new ReplayClock(Instant.EPOCH));
        return new RunResult(
                report.stored() > 0 ? HarvestOutcome.NEW_ITEMS : HarvestOutcome.EMPTY,
                null,
                report.captures() + " files (" + report.capturesRejected() + " rejected); rejected by reason: "
                        + report.rejectionsByReason(),
                null,
                1,
                0,
                null,
                report.input(),
                report.stored(),
                report.merged(),
                report.rejected(),
                null,
                null);
    }

    /** Replays a WARC recording as this source (every record is taken as the source's), on a simulated clock. */
    private RunResult warc(Source source) {
        Path path = Path.of(source.path());
        if (!Files.isRegularFile(path)) {
            return RunResult.failed(FailureReason.CONNECTION, "no WARC file at " + path, null, 1);
        }
        try {
            ImportReport report = new WarcReplayer(processor, RecordingImporter.DEFAULT_MAX_CAPTURE_BYTES)
                    .replay(path, new ReplayClock(Instant.EPOCH), id -> definition(source));
            return new RunResult(
                    report.stored() > 0 ? HarvestOutcome.NEW_ITEMS : HarvestOutcome.EMPTY,
                    null,
                    report.captures() + " records (" + report.capturesRejected() + " rejected); rejected entries by"
                            + " reason: " + report.rejectionsByReason(),
                    null,
                    1,
                    0,
                    report.digest(),
                    report.input(),
                    report.stored(),
                    report.merged(),
                    report.rejected(),
                    null,
                    null);
        } catch (UncheckedIOException e) {
            return RunResult.failed(FailureReason.PARSE_ERROR, "not a readable WARC file: " + e.getMessage(), null, 1);
        }
    }

    private static SourceDefinition definition(Source source) {
        return new SourceDefinition(
                source.id(),
                source.kind().id(),
                source.title(),
                source.url() == null ? null : source.url().toString(),
                source.language(),
                source.grading(),
                source.tlp(),
                source.handling());
    }

    private record RunResult(
            HarvestOutcome outcome,
            @Nullable FailureReason failure,
            String detail,
            @Nullable Integer status,
            int attempts,
            long bytes,
            @Nullable String sha256,
            long input,
            long stored,
            long merged,
            long rejected,
            @Nullable String etag,
            @Nullable String lastModified) {

        static RunResult failed(FailureReason reason, String detail, @Nullable Integer status, int attempts) {
            return new RunResult(
                    HarvestOutcome.FAILED, reason, detail, status, attempts, 0, null, 0, 0, 0, 0, null, null);
        }

        /** This run followed by another page of the same harvest. */
        RunResult plus(RunResult next) {
            long stored = this.stored + next.stored;
            return new RunResult(
                    stored > 0 ? HarvestOutcome.NEW_ITEMS : HarvestOutcome.EMPTY,
                    null,
                    next.detail,
                    next.status,
                    attempts + next.attempts,
                    bytes + next.bytes,
                    sha256,
                    input + next.input,
                    stored,
                    merged + next.merged,
                    rejected + next.rejected,
                    etag,
                    lastModified);
        }

        RunResult withBody(long bytes, String sha256) {
            return new RunResult(
                    outcome,
                    failure,
                    detail,
                    status,
                    attempts,
                    bytes,
                    sha256,
                    input,
                    stored,
                    merged,
                    rejected,
                    etag,
                    lastModified);
        }
    }
}
