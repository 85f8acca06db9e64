package org.ewea.alerts.lifecycle;

import org.ewea.alerts.alert.Alert;
import org.jspecify.annotations.Nullable;

/**
 * What a trigger did.
 *
 * @param kind RAISED (a new alert), UPDATED (the open alert changed materially), UNCHANGED (the open alert counted
 *     the trigger), SUPPRESSED (the development's last alert was closed less than the rule's cooldown ago)
 * @param alert the alert raised or updated (null when suppressed)
 * @param change what changed, for an update
 */
public record RaiseOutcome(
        Kind kind, @Nullable Alert alert, @Nullable String change) {

    public enum Kind {
        RAISED,
        UPDATED,
        UNCHANGED,
        SUPPRESSED
    }
}
