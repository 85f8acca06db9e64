package org.ewea.api.sources;

import java.time.Instant;
import java.util.List;
import org.ewea.collectors.source.SecretUrls;
import org.ewea.collectors.source.Source;
import org.jspecify.annotations.Nullable;

/**
 * A source as the API shows it; see {@link Source} for the meaning of each field. Credentials in the URL and the
 * proxy are shown masked ({@code ****}): they are write-only ({@code hasCredentials} says there are some).
 */
public record SourceView(
        String id,
        String kind,
        String title,
        @Nullable String url,
        @Nullable String path,
        String schedule,
        @Nullable String language,
        String grading,
        String tlp,
        List<String> tags,
        @Nullable String proxy,
        boolean enabled,
        boolean local,
        Instant created,
        Instant updated,
        @Nullable String profile,
        String handling,
        boolean hasCredentials) {

    static SourceView of(Source s) {
        return new SourceView(
                s.id().value(),
                s.kind().id(),
                s.title(),
                s.url() == null ? null : SecretUrls.masked(s.url()),
                s.path(),
                s.schedule(),
                s.language(),
                s.grading().code(),
                s.tlp().label(),
                s.tags(),
                s.proxy() == null ? null : SecretUrls.masked(s.proxy()),
                s.enabled(),
                s.local(),
                s.created(),
                s.updated(),
                s.profile(),
                s.handling().label(),
                SecretUrls.hasSecrets(s.url()) || SecretUrls.hasSecrets(s.proxy()));
    }
}
