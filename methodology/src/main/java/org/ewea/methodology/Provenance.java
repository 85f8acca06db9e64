package org.ewea.methodology;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Where an item came from: the SHA-256 of the raw bytes that were captured (a feed document, a page, a WARC record),
 * where they were captured from, and when. This is the chain of custody from an item back to its capture.
 *
 * @param rawSha256 lower-case hex SHA-256 of the raw capture
 * @param origin the URI the capture was taken from (a feed URL, or a recording's location)
 * @param captured when the raw bytes were captured
 */
public record Provenance(String rawSha256, URI origin, Instant captured) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Provenance {
        if (!SHA256.matcher(rawSha256).matches()) {
            throw new IllegalArgumentException("rawSha256 must be 64 lower-case hex digits, was '" + rawSha256 + "'");
        }
    }
}
