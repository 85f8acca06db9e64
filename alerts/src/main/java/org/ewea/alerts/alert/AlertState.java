package org.ewea.alerts.alert;

import java.util.Map;
import java.util.Set;

/**
 * Where an alert is in its lifecycle: NEW, ACKNOWLEDGED (someone owns it), ASSESSED (graded, harm and likelihood
 * judged), then ACTIONED (early action taken) or DISMISSED (with a reason). Dismissal is possible from any open
 * state; actioning only after an assessment.
 */
public enum AlertState {
    NEW,
    ACKNOWLEDGED,
    ASSESSED,
    ACTIONED,
    DISMISSED;

    private static final Map<AlertState, Set<AlertState>> NEXT = Map.of(
            NEW, Set.of(ACKNOWLEDGED, DISMISSED),
            ACKNOWLEDGED, Set.of(ASSESSED, DISMISSED),
            ASSESSED, Set.of(ACTIONED, DISMISSED),
            ACTIONED, Set.of(),
            DISMISSED, Set.of());

    /** Whether the lifecycle allows moving from this state to {@code to}. */
    public boolean canMoveTo(AlertState to) {
        return NEXT.get(this).contains(to);
    }

    /** The states this one can move to. */
    public Set<AlertState> next() {
        return NEXT.get(this);
    }

    public boolean isOpen() {
        return this != ACTIONED && this != DISMISSED;
    }
}
