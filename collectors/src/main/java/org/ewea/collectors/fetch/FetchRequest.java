package org.ewea.collectors.fetch;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * One fetch.
 *
 * @param url what to fetch
 * @param etag the ETag of the last successful fetch, for a conditional GET
 * @param lastModified the Last-Modified of the last successful fetch, for a conditional GET
 * @param proxy {@code http://host:port} or {@code socks5://host:port}, or null
 * @param allowLocal whether loopback, private and link-local addresses may be fetched (local sources only)
 */
public record FetchRequest(
        URI url,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable URI proxy,
        boolean allowLocal) {}
