package org.ewea.collectors.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ewea.collectors.CaptureProcessor;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.accounting.Rejection;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.CaptureResult;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;

/**
 * Replays a WARC recording: every capture, in capture-time order, moves the simulated clock to its capture time and
 * goes through the same {@link CaptureProcessor} as a live harvest. Every record is accounted for (stored, merged or
 * rejected with a reason); unreadable or oversized captures are reported. Replaying the same recording again stores
 * nothing new, since items are keyed by what identifies them.
 */
public final class WarcReplayer {

    private final CaptureProcessor processor;
    private final long maxCaptureBytes;

    public WarcReplayer(CaptureProcessor processor, long maxCaptureBytes) {
        this.processor = processor;
        this.maxCaptureBytes = maxCaptureBytes;
    }

    /**
     * @param sources the source of each capture, from its EWEA-Source header (or, without one, its target URI's host)
     */
    public ImportReport replay(Path warc, ReplayClock clock, Function<String, SourceDefinition> sources) {
        return replay(warc, clock, sources, capture -> null);
    }

    /**
     * @param sources the source of each capture, from its EWEA-Source header (or, without one, its target host)
     * @param parsers the parser for a capture (e.g. a mirror profile's for JSON transcripts), or null for feeds
     */
    public ImportReport replay(Path warc, ReplayClock clock, Function<String, SourceDefinition> sources,
            Function<WarcCaptures.WarcCapture, org.ewea.collectors.feed.EntryParser> parsers) {
        Instant started = clock.instant();
        long[] totals = new long[4]; // input, stored, merged, rejected
        int[] capturesRejected = {0};
        Map<String, Long> byReason = new TreeMap<>();
        List<Rejection> listed = new ArrayList<>();
        WarcCaptures captures;
        try {
            captures = WarcCaptures.index(warc);
            captures.forEach(maxCaptureBytes, new WarcCaptures.CaptureVisitor() {
                @Override
                public void capture(WarcCaptures.WarcCapture c) {
                    clock.advanceTo(c.date());
                    String sourceId = c.sourceId().orElse(String.valueOf(c.target().getHost()));
                    String path = c.target().getPath() == null ? "" : c.target().getPath().replaceFirst("^/", "");
                    Capture capture = new Capture(sources.apply(sourceId), (path.isEmpty() ? "" : path + "#")
                            + warc.getFileName() + "@" + c.position(), c.target(), c.date(), c.contentType(), c.body(),
                            c.sha256());
                    org.ewea.collectors.feed.EntryParser parser = parsers.apply(c);
                    CaptureResult result = parser == null ? processor.process(capture)
                            : processor.process(capture, parser);
                    if (result.parseError() != null) {
                        capturesRejected[0]++;
                        note(new Rejection("unparseable feed", capture.locator(), result.parseError()));
                        return;
                    }
                    totals[0] += result.entries();
                    totals[1] += result.stored();
                    totals[2] += result.merged();
                    totals[3] += result.rejected();
                    result.rejectedEntries().forEach(r -> note(new Rejection(r.reason(), r.locator(), r.reason())));
                }

                @Override
                public void tooLarge(long position, URI target, Instant date) {
                    capturesRejected[0]++;
                    note(new Rejection("capture too large", warc.getFileName() + "@" + position, target.toString()));
                }

                private void note(Rejection rejection) {
                    byReason.merge(rejection.reason(), 1L, Long::sum);
                    if (listed.size() < ImportReport.MAX_LISTED) {
                        listed.add(rejection);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WARC " + warc, e);
        }
        return new ImportReport(warc.getFileName().toString(), digest(warc), ImportReport.Status.IMPORTED,
                captures.size(), capturesRejected[0], totals[0], totals[1], totals[2], totals[3], byReason, listed,
                started, clock.instant());
    }

    private static String digest(Path warc) {
        try {
            return Digests.sha256Hex(warc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
