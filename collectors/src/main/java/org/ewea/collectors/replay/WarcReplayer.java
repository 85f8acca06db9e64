package org.ewea.collectors.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.feed.EntryParser;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.process.ImportAccount;

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
    public ImportReport replay(
            Path warc,
            ReplayClock clock,
            Function<String, SourceDefinition> sources,
            Function<WarcCaptures.WarcCapture, EntryParser> parsers) {
        Instant started = clock.instant();
        WarcCaptures captures;
        ImportAccount[] account = new ImportAccount[1];
        try {
            captures = WarcCaptures.index(warc);
            account[0] = new ImportAccount(captures.size());
            captures.forEach(maxCaptureBytes, new WarcCaptures.CaptureVisitor() {
                @Override
                public void capture(WarcCaptures.WarcCapture c) {
                    clock.advanceTo(c.date());
                    Capture capture = c.capture(
                            sources.apply(c.source()), warc.getFileName().toString());
                    EntryParser parser = parsers.apply(c);
                    account[0].add(
                            capture.locator(),
                            parser == null ? processor.process(capture) : processor.process(capture, parser));
                }

                @Override
                public void tooLarge(long position, URI target, Instant date) {
                    account[0].rejectCapture(
                            "capture too large", warc.getFileName() + "@" + position, target.toString());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read WARC " + warc, e);
        }
        return account[0].report(
                warc.getFileName().toString(), digest(warc), ImportReport.Status.IMPORTED, started, clock.instant());
    }

    private static String digest(Path warc) {
        try {
            return Digests.sha256Hex(warc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
