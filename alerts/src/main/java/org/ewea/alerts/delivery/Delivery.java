package org.ewea.alerts.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event owed to one subscription, stored before it is sent (the outbox): a crash or a subscriber that is down
 * loses nothing; after the last attempt it is a dead letter, visible and retryable.
 *
 * @param id subscription and event
 * @param subscriptionId the subscription
 * @param owner the subscription's owner
 * @param channel webhook or email
 * @param eventSequence the alert event
 * @param alertId its alert
 * @param status PENDING, DELIVERED or DEAD
 * @param attempts attempts made
 * @param nextAttemptAt when the next attempt is due (PENDING)
 * @param lastError what went wrong last
 * @param createdAt when it was planned
 * @param deliveredAt when it was delivered
 */
public record Delivery(
        String id,
        String subscriptionId,
        String owner,
        Channel channel,
        long eventSequence,
        String alertId,
        Status status,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        @Nullable Instant deliveredAt) {

    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }
}
