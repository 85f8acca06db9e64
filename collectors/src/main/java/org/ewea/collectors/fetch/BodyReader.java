package org.ewea.collectors.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/** Reads a response body within the limits: a size cap, and for gzip or deflate a decompression-ratio cap. */
final class BodyReader {

    /** The body, or a part of it, is larger than the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** The compressed body expands beyond the allowed ratio. */
    static final class DecompressionBombException extends IOException {
        DecompressionBombException(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private final int maxRatio;

    BodyReader(long maxBytes, int maxRatio) {
        this.maxBytes = maxBytes;
        this.maxRatio = maxRatio;
    }

    byte[] read(InputStream raw, @Nullable String contentEncoding) throws IOException {
        byte[] wire = readCapped(raw, maxBytes, "body");
        String encoding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return wire;
        }
        InputStream decoded = switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(wire));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(wire));
            default -> throw new IOException("unsupported Content-Encoding '" + contentEncoding + "'");
        };
        long ratioLimit = Math.max(1, (long) wire.length) * maxRatio;
        try {
            return readCapped(decoded, Math.min(maxBytes, ratioLimit), "decompressed body");
        } catch (TooLargeException e) {
            if (ratioLimit <= maxBytes || expandsBeyond(decoded, Math.min(maxBytes, ratioLimit), ratioLimit)) {
                throw new DecompressionBombException(
                        "compressed body of " + wire.length + " bytes expands more than " + maxRatio + " times");
            }
            throw e;
        } finally {
            decoded.close();
        }
    }

    /** Keeps decompressing (discarding, at most 16 times the body limit) to tell a bomb from a large body. */
    private boolean expandsBeyond(InputStream decoded, long alreadyRead, long ratioLimit) throws IOException {
        long total = alreadyRead;
        long stop = Math.min(ratioLimit, 16 * maxBytes);
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = decoded.read(buffer)) != -1; ) {
            total += n;
            if (total > stop) {
                return total > ratioLimit || stop < ratioLimit;
            }
        }
        return false;
    }

    private static byte[] readCapped(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new TooLargeException(what + " exceeds " + limit + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
