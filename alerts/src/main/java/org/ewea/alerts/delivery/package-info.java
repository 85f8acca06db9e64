/**
 * Subscriptions and delivery: filters per user or team, the outbox of deliveries planned from the alert event log,
 * and the webhook (HMAC-signed) and e-mail (SMTP) senders with retries and dead letters.
 */
@NullMarked
package org.ewea.alerts.delivery;

import org.jspecify.annotations.NullMarked;
