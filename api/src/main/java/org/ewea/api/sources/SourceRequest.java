package org.ewea.api.sources;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.ewea.collectors.source.SourceSpec;
import org.jspecify.annotations.Nullable;

/**
 * A source to create or replace. Only {@code id} (for creation) and {@code url} or {@code path} are required; the
 * rest have defaults (kind feed, hourly schedule, grading F6, TLP CLEAR, no handling code, enabled).
 */
public record SourceRequest(
        @Schema(example = "krebs-on-security") @Nullable String id,
        @Schema(example = "feed", allowableValues = {"feed", "web", "warc", "folder"}) @Nullable String kind,
        @Schema(example = "Krebs on Security") @Nullable String title,
        @Schema(example = "https://krebsonsecurity.com/feed") @Nullable String url,
        @Nullable String path,
        @Schema(description = "Quartz cron expression", example = "0 15 * * * ?") @Nullable String schedule,
        @Schema(example = "en") @Nullable String language,
        @Schema(description = "Admiralty grade", example = "B2") @Nullable String grading,
        @Schema(example = "TLP:CLEAR") @Nullable String tlp,
        @Nullable List<String> tags,
        @Schema(example = "socks5://127.0.0.1:9050") @Nullable String proxy,
        @Nullable Boolean enabled,
        @Schema(description = "allow loopback and private addresses (off by default: SSRF guard)") @Nullable Boolean local,
        @Schema(description = "mirror profile of a folder source", example = "ransomchats") @Nullable String profile,
        @Schema(description = "the provider's handling code for its items (GET /api/v1/methodology/handling-codes);"
                + " readers need a handling clearance at least as restrictive to see them", example = "europol:H2")
        @Nullable String handling) {

    SourceSpec toSpec(@Nullable String idOverride) {
        return new SourceSpec(idOverride != null ? idOverride : id, kind, title, url, path, schedule, language,
                grading, tlp, tags, proxy, enabled, local, profile, handling);
    }
}
