package org.ewea.api.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An API token as stored: never the secret itself, only its SHA-256.
 *
 * @param id public id, the part of the token before the secret (used to find it and to revoke it)
 * @param username whose token it is
 * @param name what it is for
 * @param created when it was issued
 * @param revoked when it was revoked, or null while it is valid
 */
public record ApiToken(
        String id,
        String username,
        String name,
        Instant created,
        @Nullable Instant revoked) {}
