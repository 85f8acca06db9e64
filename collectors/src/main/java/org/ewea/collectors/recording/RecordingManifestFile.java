package org.ewea.collectors.recording;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code recording.yaml} exactly as written, before validation. Unknown keys are rejected when it is read.
 */
record RecordingManifestFile(
        @Nullable String id,
        @Nullable String title,
        @Nullable String licence,
        @Nullable List<SourceEntry> sources,
        @Nullable List<CaptureEntry> captures) {

    record SourceEntry(
            @Nullable String id,
            @Nullable String kind,
            @Nullable String title,
            @Nullable String url,
            @Nullable String language,
            @Nullable String grading,
            @Nullable String tlp,
            @Nullable String profile,
            @Nullable List<String> tags) {}

    record CaptureEntry(
            @Nullable String source,
            @Nullable String file,
            @Nullable String origin,
            @Nullable String captured,
            @Nullable String contentType,
            @Nullable String sha256) {}
}
