package org.ewea.collectors.mirror;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ewea.collectors.CaptureProcessor;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.accounting.Rejection;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.CaptureResult;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.replay.ReplayClock;

/**
 * Replays a folder mirror through its profile: the files the profile names, in capture-time order (dated files at
 * the end of their day; undated ones as the profile says), each through the same capture path as a live harvest, on
 * the simulated clock. Every file and entry is accounted for.
 */
public final class MirrorFolderReplayer {

    private final CaptureProcessor processor;
    private final long maxBytes;

    public MirrorFolderReplayer(CaptureProcessor processor, long maxBytes) {
        this.processor = processor;
        this.maxBytes = maxBytes;
    }

    private record File(Path path, String relative, Optional<LocalDate> date) {
    }

    public ImportReport replay(Path folder, MirrorProfile profile, SourceDefinition source, ReplayClock clock) {
        Instant started = clock.instant();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + profile.files());
        List<File> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                Path relative = folder.relativize(path);
                if (matcher.matches(relative)) {
                    files.add(new File(path, relative.toString().replace('\\', '/'),
                            MirrorDates.of(profile, path.getFileName().toString())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mirror folder " + folder, e);
        }
        Map<String, Instant> earliestInDir = new HashMap<>();
        Instant earliest = null;
        for (File f : files) {
            if (f.date().isPresent()) {
                Instant at = MirrorDates.captured(f.date().get());
                earliestInDir.merge(dir(f), at, (a, b) -> a.isBefore(b) ? a : b);
                earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
            }
        }
        Map<String, Long> byReason = new TreeMap<>();
        List<Rejection> listed = new ArrayList<>();
        long[] totals = new long[4];
        int rejectedFiles = 0;
        List<Map.Entry<Instant, File>> ordered = new ArrayList<>();
        for (File f : files) {
            Instant at = f.date().map(MirrorDates::captured).orElse(null);
            if (at == null && profile.undated().equals("earliest-in-directory")) {
                at = earliestInDir.getOrDefault(dir(f), earliest != null ? earliest : Instant.EPOCH);
            }
            if (at == null) {
                rejectedFiles++;
                note(byReason, listed, new Rejection("undated (excluded by the profile)", f.relative(), f.relative()));
                continue;
            }
            ordered.add(Map.entry(at, f));
        }
        ordered.sort(Comparator.comparing((Map.Entry<Instant, File> e) -> e.getKey())
                .thenComparing(e -> e.getValue().relative()));
        org.ewea.collectors.feed.EntryParser parser = profile.format().equals("html")
                ? new HtmlProfileParser(profile) : new JsonTranscriptParser(profile);
        String contentType = profile.format().equals("html") ? "text/html" : "application/json";
        for (Map.Entry<Instant, File> e : ordered) {
            File f = e.getValue();
            clock.advanceTo(e.getKey());
            byte[] body;
            try {
                if (Files.size(f.path()) > maxBytes) {
                    rejectedFiles++;
                    note(byReason, listed, new Rejection("capture too large", f.relative(), f.relative()));
                    continue;
                }
                body = Files.readAllBytes(f.path());
            } catch (IOException ex) {
                rejectedFiles++;
                note(byReason, listed, new Rejection("capture unreadable", f.relative(), String.valueOf(ex.getMessage())));
                continue;
            }
            Capture capture = new Capture(source, f.relative(), f.path().toUri(), e.getKey(), contentType,
                    body, Digests.sha256Hex(body));
            CaptureResult result = processor.process(capture, parser);
            if (result.parseError() != null) {
                rejectedFiles++;
                note(byReason, listed, new Rejection("unparseable capture", f.relative(), result.parseError()));
                continue;
            }
            totals[0] += result.entries();
            totals[1] += result.stored();
            totals[2] += result.merged();
            totals[3] += result.rejected();
            result.rejectedEntries().forEach(r -> note(byReason, listed, new Rejection(r.reason(), r.locator(),
                    r.reason())));
        }
        return new ImportReport(profile.id() + ":" + folder.getFileName(), profile.id(), ImportReport.Status.IMPORTED,
                files.size(), rejectedFiles, totals[0], totals[1], totals[2], totals[3], byReason, listed, started,
                clock.instant());
    }

    private static String dir(File f) {
        return f.relative().contains("/") ? f.relative().substring(0, f.relative().lastIndexOf('/')) : "";
    }

    private static void note(Map<String, Long> byReason, List<Rejection> listed, Rejection rejection) {
        byReason.merge(rejection.reason(), 1L, Long::sum);
        if (listed.size() < ImportReport.MAX_LISTED) {
            listed.add(rejection);
        }
    }
}
