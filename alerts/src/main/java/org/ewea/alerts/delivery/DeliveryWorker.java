package org.ewea.alerts.delivery;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the deliveries that are due, each through its channel's sender. A failure is retried after the policy's
 * backoff; after the last attempt, or at once when it is permanent (a forbidden address, a deleted subscription, an
 * owner no longer cleared), the delivery is a dead letter. Run it under a cluster lock. Blocks.
 */
public final class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 100;

    /**
     * What one round did.
     *
     * @param delivered sent successfully
     * @param retrying failed, to be tried again
     * @param dead failed for good
     */
    public record Round(int delivered, int retrying, int dead) {}

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final AlertEventLog events;
    private final Map<Channel, Sender> senders;
    private final Function<String, Optional<Clearance>> clearance;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public DeliveryWorker(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            AlertEventLog events,
            List<Sender> senders,
            Function<String, Optional<Clearance>> clearance,
            RetryPolicy retry,
            InstantSource clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.events = events;
        this.senders = senders.stream().collect(Collectors.toMap(Sender::channel, s -> s));
        this.clearance = clearance;
        this.retry = retry;
        this.clock = clock;
    }

    public synchronized Round deliverDue() {
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        for (Delivery d : deliveries.due(clock.instant(), BATCH)) {
            int attempt = d.attempts() + 1;
            try {
                send(d);
                deliveries.delivered(d.id(), attempt, clock.instant());
                delivered++;
            } catch (DeliveryFailure failure) {
                boolean last = failure.permanent() || attempt >= retry.attempts();
                Instant next = last ? null : clock.instant().plus(retry.delayAfter(attempt));
                deliveries.failed(d.id(), attempt, failure.getMessage(), next);
                if (last) {
                    dead++;
                    LOG.warn(
                            "Delivery {} is a dead letter after {} attempt(s): {}",
                            d.id(),
                            attempt,
                            failure.getMessage());
                } else {
                    retrying++;
                }
            }
        }
        return new Round(delivered, retrying, dead);
    }

    private void send(Delivery d) throws DeliveryFailure {
        Subscription s = subscriptions
                .find(d.subscriptionId())
                .filter(Subscription::enabled)
                .orElseThrow(() -> new DeliveryFailure("the subscription was deleted or paused", true));
        AlertEvent e = events.find(d.eventSequence())
                .orElseThrow(() -> new DeliveryFailure("event " + d.eventSequence() + " is gone", true));
        if (!clearance
                .apply(s.owner())
                .map(c -> c.permits(e.tlp(), e.handling()))
                .orElse(false)) {
            throw new DeliveryFailure(
                    "the owner " + s.owner() + " is not (or no longer) cleared for "
                            + e.tlp().label()
                            + (e.handling() == Handling.NONE
                                    ? ""
                                    : ", handling " + e.handling().label()),
                    true);
        }
        Sender sender = senders.get(s.channel());
        if (sender == null) {
            throw new DeliveryFailure("no " + s.channel().id() + " sender is configured", true);
        }
        sender.send(s, e, json.writeValueAsBytes(e));
    }
}
