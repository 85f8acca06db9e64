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
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.feed.EntryParser;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.process.ImportAccount;
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

    private record File(Path path, String relative, Optional<LocalDate> date) {}

    public ImportReport replay(Path folder, MirrorProfile profile, SourceDefinition source, ReplayClock clock) {
        return replay(folder, profile, source, clock, at -> {});
    }

    /**
     * As {@link #replay(Path, MirrorProfile, SourceDefinition, ReplayClock)}, telling {@code beforeEach} the capture
     * time of every file before it is processed (so that a caller can act at the end of each simulated day).
     */
    public ImportReport replay(
            Path folder,
            MirrorProfile profile,
            SourceDefinition source,
            ReplayClock clock,
            Consumer<Instant> beforeEach) {
        Instant started = clock.instant();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + profile.files());
        List<File> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                Path relative = folder.relativize(path);
                if (matcher.matches(relative)) {
                    files.add(new File(
                            path,
                            relative.toString().replace('\\', '/'),
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
        ImportAccount account = new ImportAccount(files.size());
        List<Map.Entry<Instant, File>> ordered = new ArrayList<>();
        for (File f : files) {
            Instant at = f.date().map(MirrorDates::captured).orElse(null);
            if (at == null && profile.undated().equals("earliest-in-directory")) {
                at = earliestInDir.getOrDefault(dir(f), earliest != null ? earliest : Instant.EPOCH);
            }
            if (at == null) {
                account.rejectCapture("undated (excluded by the profile)", f.relative(), f.relative());
                continue;
            }
            ordered.add(Map.entry(at, f));
        }
        ordered.sort(Comparator.comparing((Map.Entry<Instant, File> e) -> e.getKey())
                .thenComparing(e -> e.getValue().relative()));
        EntryParser parser =
                profile.format().equals("html") ? new HtmlProfileParser(profile) : new JsonTranscriptParser(profile);
        String contentType = profile.format().equals("html") ? "text/html" : "application/json";
        for (Map.Entry<Instant, File> e : ordered) {
            File f = e.getValue();
            beforeEach.accept(e.getKey());
            clock.advanceTo(e.getKey());
            byte[] body;
            try {
                if (Files.size(f.path()) > maxBytes) {
                    account.rejectCapture("capture too large", f.relative(), f.relative());
                    continue;
                }
                body = Files.readAllBytes(f.path());
            } catch (IOException ex) {
                account.rejectCapture("capture unreadable", f.relative(), String.valueOf(ex.getMessage()));
                continue;
            }
            Capture capture = new Capture(
                    source, f.relative(), f.path().toUri(), e.getKey(), contentType, body, Digests.sha256Hex(body));
            account.add(f.relative(), processor.process(capture, parser));
        }
        return account.report(
                profile.id() + ":" + folder.getFileName(),
                profile.id(),
                ImportReport.Status.IMPORTED,
                started,
                clock.instant());
    }

    private static String dir(File f) {
        return f.relative().contains("/")
                ? f.relative().substring(0, f.relative().lastIndexOf('/'))
                : "";
    }
}
