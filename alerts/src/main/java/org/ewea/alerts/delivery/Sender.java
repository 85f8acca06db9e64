package org.ewea.alerts.delivery;

import org.ewea.alerts.event.AlertEvent;

/** Sends one event to one subscription over one channel. Blocks. */
public interface Sender {

    Channel channel();

    /**
     * @param body the event as JSON
     * @throws DeliveryFailure when the subscriber did not take it
     */
    void send(Subscription subscription, AlertEvent event, byte[] body) throws DeliveryFailure;
}
