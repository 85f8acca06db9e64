package org.ewea.alerts.delivery;

import java.time.Duration;

/**
 * How often and how soon a failed delivery is tried again: after attempt n, wait {@code first x 2^(n-1)}, at most
 * {@code longest}; after {@code attempts} attempts it is a dead letter.
 */
public record RetryPolicy(int attempts, Duration first, Duration longest) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (first.isNegative() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first <= longest");
        }
    }

    /** The wait after the {@code attempt}th failure. */
    public Duration delayAfter(int attempt) {
        Duration delay = first;
        for (int i = 1; i < attempt && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
