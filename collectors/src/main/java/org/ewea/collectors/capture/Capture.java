package org.ewea.collectors.capture;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The raw bytes of one fetch (live) or one recorded capture (replay), exactly as they were received.
 *
 * @param source the source they belong to
 * @param locator where the capture can be found again (a recording file name, a WARC record id)
 * @param origin the URI the bytes were fetched from
 * @param captured when they were fetched
 * @param contentType media type as received
 * @param body the bytes
 * @param sha256 lower-case hex SHA-256 of {@code body}
 */
public record Capture(
        SourceDefinition source,
        String locator,
        URI origin,
        Instant captured,
        String contentType,
        byte[] body,
        String sha256) {

    public Capture {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sha256, "sha256");
    }
}
