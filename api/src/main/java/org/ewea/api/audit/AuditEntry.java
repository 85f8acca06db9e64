package org.ewea.api.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One audited request.
 *
 * @param seq position in the chain, from 1
 * @param time when it was answered
 * @param user who asked
 * @param action READ, SEARCH, EXPORT or CHANGE
 * @param method HTTP method
 * @param path the path asked
 * @param query the query string, or null
 * @param status the HTTP status answered
 * @param previous the hash of the entry before ({@code 64 zeros} for the first)
 * @param hash SHA-256 over {@code previous} and this entry's fields
 */
public record AuditEntry(
        long seq,
        Instant time,
        String user,
        String action,
        String method,
        String path,
        @Nullable String query,
        int status,
        String previous,
        String hash) {}
