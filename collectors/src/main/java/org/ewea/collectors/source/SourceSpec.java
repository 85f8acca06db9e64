package org.ewea.collectors.source;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A source as a user or a file describes it, before validation: every field as text, most optional.
 */
public record SourceSpec(
        @Nullable String id,
        @Nullable String kind,
        @Nullable String title,
        @Nullable String url,
        @Nullable String path,
        @Nullable String schedule,
        @Nullable String language,
        @Nullable String grading,
        @Nullable String tlp,
        @Nullable List<String> tags,
        @Nullable String proxy,
        @Nullable Boolean enabled,
        @Nullable Boolean local,
        @Nullable String profile,
        @Nullable String handling) {

    /** A spec without a handling code (the source's items carry none). */
    public SourceSpec(
            @Nullable String id,
            @Nullable String kind,
            @Nullable String title,
            @Nullable String url,
            @Nullable String path,
            @Nullable String schedule,
            @Nullable String language,
            @Nullable String grading,
            @Nullable String tlp,
            @Nullable List<String> tags,
            @Nullable String proxy,
            @Nullable Boolean enabled,
            @Nullable Boolean local,
            @Nullable String profile) {
        this(id, kind, title, url, path, schedule, language, grading, tlp, tags, proxy, enabled, local, profile, null);
    }

    /** A spec without a mirror profile or handling code. */
    public SourceSpec(
            @Nullable String id,
            @Nullable String kind,
            @Nullable String title,
            @Nullable String url,
            @Nullable String path,
            @Nullable String schedule,
            @Nullable String language,
            @Nullable String grading,
            @Nullable String tlp,
            @Nullable List<String> tags,
            @Nullable String proxy,
            @Nullable Boolean enabled,
            @Nullable Boolean local) {
        this(id, kind, title, url, path, schedule, language, grading, tlp, tags, proxy, enabled, local, null, null);
    }
}
