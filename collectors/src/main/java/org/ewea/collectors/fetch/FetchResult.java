package org.ewea.collectors.fetch;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What a fetch gave. */
public sealed interface FetchResult {

    /** How many attempts it took (retries included). */
    int attempts();

    /**
     * The body was fetched.
     *
     * @param finalUrl the URL after redirects
     * @param status the HTTP status (2xx)
     * @param contentType the Content-Type, or empty
     * @param body the decompressed body
     * @param etag the new ETag, if any
     * @param lastModified the new Last-Modified, if any
     * @param fetched when the body was received
     */
    record Fetched(
            URI finalUrl,
            int status,
            String contentType,
            byte[] body,
            @Nullable String etag,
            @Nullable String lastModified,
            Instant fetched,
            int attempts)
            implements FetchResult {}

    /** The server said the content has not changed since the last fetch (304). */
    record NotModified(int attempts) implements FetchResult {}

    /**
     * The fetch failed.
     *
     * @param reason the kind of failure
     * @param detail what happened, for people
     * @param status the HTTP status, for {@link FailureReason#HTTP_STATUS}
     */
    record Failed(
            FailureReason reason, String detail, @Nullable Integer status, int attempts) implements FetchResult {}
}
