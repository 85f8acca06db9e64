package org.ewea.collectors.replay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * The captures in a WARC file (response and resource records), in capture-time order (WARC-Date; ties in file order).
 * A first pass indexes the records; each is then read by seeking to it, so memory does not grow with the file.
 */
public final class WarcCaptures {

    /** The header naming the EW/EA source a record belongs to (optional; else the target URI's host is used). */
    public static final String SOURCE_HEADER = "EWEA-Source";

    /**
     * One captured payload.
     *
     * @param position the record's offset in the WARC file (its locator)
     * @param target the WARC-Target-URI
     * @param date the WARC-Date (capture time)
     * @param sourceId the EWEA-Source header, if present
     * @param contentType media type of the payload
     * @param body the payload (HTTP body for responses, the block for resources)
     * @param sha256 SHA-256 of the payload
     */
    public record WarcCapture(
            long position,
            URI target,
            Instant date,
            Optional<String> sourceId,
            String contentType,
            byte[] body,
            String sha256) {

        /** The source it belongs to: its EWEA-Source header, else its target's host. */
        public String source() {
            return sourceId.orElse(String.valueOf(target.getHost()));
        }

        /** As the capture pipeline takes it, located by target path, WARC file name and record offset. */
        public Capture capture(SourceDefinition definition, String warcFileName) {
            String path = target.getPath() == null ? "" : target.getPath().replaceFirst("^/", "");
            return new Capture(
                    definition,
                    (path.isEmpty() ? "" : path + "#") + warcFileName + "@" + position,
                    target,
                    date,
                    contentType,
                    body,
                    sha256);
        }
    }

    /**
     * A record's place in the file and its capture time.
     *
     * @param position offset in the WARC file
     * @param date WARC-Date
     */
    public record Entry(long position, Instant date) {}

    private final Path warc;
    private final List<Entry> order;

    private WarcCaptures(Path warc, List<Entry> order) {
        this.warc = warc;
        this.order = order;
    }

    public static WarcCaptures index(Path warc) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                WarcRecord record = next.get();
                if (record instanceof WarcResponse || record instanceof WarcResource) {
                    entries.add(new Entry(reader.position(), record.date()));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::date).thenComparingLong(Entry::position));
        return new WarcCaptures(warc, List.copyOf(entries));
    }

    public int size() {
        return order.size();
    }

    /** The captures' places, in capture-time order. */
    public List<Entry> entries() {
        return order;
    }

    /** The capture at {@code position} (an entry's), or empty when it is larger than {@code maxBytes}. */
    public Optional<WarcCapture> read(long position, long maxBytes) throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            reader.position(position);
            return read(reader, position, maxBytes);
        }
    }

    private static Optional<WarcCapture> read(WarcReader reader, long position, long maxBytes) throws IOException {
        WarcRecord record = reader.next().orElseThrow(() -> new IOException("no record at " + position));
        URI target = ((WarcTargetRecord) record).targetURI();
        Optional<String> source = record.headers().first(SOURCE_HEADER);
        byte[] body;
        String contentType;
        if (record instanceof WarcResponse response) {
            contentType = response.http().contentType().toString();
            body = read(response.http().body().stream(), maxBytes);
        } else {
            contentType = record.contentType().toString();
            body = read(record.body().stream(), maxBytes);
        }
        return body == null
                ? Optional.empty()
                : Optional.of(new WarcCapture(
                        position, target, record.date(), source, contentType, body, Digests.sha256Hex(body)));
    }

    /** Reads the captures in capture-time order, each at most {@code maxBytes}; larger ones are reported as such. */
    public void forEach(long maxBytes, CaptureVisitor visitor) throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            for (Entry entry : order) {
                reader.position(entry.position());
                Optional<WarcCapture> capture = read(reader, entry.position(), maxBytes);
                if (capture.isEmpty()) {
                    reader.position(entry.position());
                    WarcRecord record = reader.next().orElseThrow();
                    visitor.tooLarge(entry.position(), ((WarcTargetRecord) record).targetURI(), record.date());
                } else {
                    visitor.capture(capture.get());
                }
            }
        }
    }

    private static byte[] read(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return bytes.length > maxBytes ? null : bytes;
    }

    /** Receives the captures of a WARC. */
    public interface CaptureVisitor {
        void capture(WarcCapture capture) throws IOException;

        void tooLarge(long position, URI target, Instant date);
    }
}
