package org.ewea.collectors.recording;

import java.net.URI;
import java.time.Instant;
import org.ewea.collectors.capture.SourceDefinition;

/**
 * One capture as a recording's manifest lists it.
 *
 * @param source the source it belongs to
 * @param file path of the captured bytes relative to the recording's root
 * @param origin the URI it was captured from
 * @param captured when it was captured
 * @param contentType media type as received
 * @param sha256 the SHA-256 the manifest promises for the file's bytes
 */
public record ManifestCapture(
        SourceDefinition source, String file, URI origin, Instant captured, String contentType, String sha256) {}
