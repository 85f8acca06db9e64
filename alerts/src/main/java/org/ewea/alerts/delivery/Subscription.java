package org.ewea.alerts.delivery;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's (or their team's) standing request to be told about certain alert events.
 *
 * @param id stable id
 * @param owner the user whose clearance limits what it receives
 * @param team the team it serves, if any (shown to the team's members)
 * @param name a short name
 * @param filter which events
 * @param channel sse (the stream filtered by it), webhook or email
 * @param url webhook: where to POST
 * @param secret webhook: the HMAC-SHA256 key that signs every body
 * @param email email: the address
 * @param enabled false to pause it
 * @param created when it was created
 */
public record Subscription(
        String id,
        String owner,
        @Nullable String team,
        String name,
        SubscriptionFilter filter,
        Channel channel,
        @Nullable URI url,
        @Nullable String secret,
        @Nullable String email,
        boolean enabled,
        Instant created) {

    /** The subscription as shown to users: the webhook secret is never shown again after creation. */
    public Subscription redacted() {
        return new Subscription(
                id,
                owner,
                team,
                name,
                filter,
                channel,
                url,
                secret == null ? null : "********",
                email,
                enabled,
                created);
    }
}
