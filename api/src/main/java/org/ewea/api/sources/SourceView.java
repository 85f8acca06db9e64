package org.ewea.api.sources;

import java.time.Instant;
import java.util.List;
import org.ewea.collectors.source.Source;
import org.jspecify.annotations.Nullable;

/** A source as the API shows it; see {@link Source} for the meaning of each field. */
public record SourceView(String id, String kind, String title, @Nullable String url, @Nullable String path,
        String schedule, @Nullable String language, String grading, String tlp, List<String> tags,
        @Nullable String proxy, boolean enabled, boolean local, Instant created, Instant updated,
        @Nullable String profile, String handling) {

    static SourceView of(Source s) {
        return new SourceView(s.id().value(), s.kind().id(), s.title(), s.url() == null ? null : s.url().toString(),
                s.path(), s.schedule(), s.language(), s.grading().code(), s.tlp().label(), s.tags(),
                s.proxy() == null ? null : s.proxy().toString(), s.enabled(), s.local(), s.created(), s.updated(),
                s.profile(), s.handling().label());
    }
}
