package org.ewea.api.sources;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.ewea.collectors.source.SecretUrls;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceSpec;
import org.jspecify.annotations.Nullable;

/**
 * A source to create or replace. Only {@code id} (for creation) and {@code url} or {@code path} are required; the
 * rest have defaults (kind feed, hourly schedule, grading F6, TLP CLEAR, no handling code, enabled).
 */
public record SourceRequest(
        @Schema(example = "krebs-on-security") @Nullable String id,

        @Schema(
                example = "feed",
                allowableValues = {"feed", "web", "warc", "folder"})
        @Nullable
        String kind,

        @Schema(example = "Krebs on Security") @Nullable String title,

        @Schema(example = "https://krebsonsecurity.com/feed") @Nullable
        String url,

        @Nullable String path,

        @Schema(description = "Quartz cron expression", example = "0 15 * * * ?") @Nullable
        String schedule,

        @Schema(example = "en") @Nullable String language,

        @Schema(description = "Admiralty grade", example = "B2") @Nullable
        String grading,

        @Schema(example = "TLP:CLEAR") @Nullable String tlp,
        @Nullable List<String> tags,

        @Schema(example = "socks5://127.0.0.1:9050") @Nullable
        String proxy,

        @Nullable Boolean enabled,

        @Schema(description = "allow loopback and private addresses (off by default: SSRF guard)") @Nullable
        Boolean local,

        @Schema(description = "mirror profile of a folder source", example = "ransomchats") @Nullable
        String profile,

        @Schema(
                description = "the provider's handling code for its items (GET /api/v1/methodology/handling-codes);"
                        + " readers need a handling clearance at least as restrictive to see them",
                example = "europol:H2")
        @Nullable
        String handling) {

    /**
     * This request with the stored URL and proxy of {@code existing} where the request sends them back as the API
     * shows them (credentials masked): credentials are write-only, and a client that changes other fields keeps them.
     */
    SourceRequest keepingSecretsOf(Source existing) {
        return new SourceRequest(
                id,
                kind,
                title,
                kept(url, existing.url()),
                path,
                schedule,
                language,
                grading,
                tlp,
                tags,
                kept(proxy, existing.proxy()),
                enabled,
                local,
                profile,
                handling);
    }

    private static @Nullable String kept(@Nullable String sent, @Nullable URI stored) {
        if (sent == null || stored == null || !SecretUrls.hasSecrets(stored)) {
            return sent;
        }
        return sent.equals(SecretUrls.masked(stored)) ? stored.toString() : sent;
    }

    SourceSpec toSpec(@Nullable String idOverride) {
        return new SourceSpec(
                idOverride != null ? idOverride : id,
                kind,
                title,
                url,
                path,
                schedule,
                language,
                grading,
                tlp,
                tags,
                proxy,
                enabled,
                local,
                profile,
                handling);
    }
}
