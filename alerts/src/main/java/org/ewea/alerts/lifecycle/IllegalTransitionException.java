package org.ewea.alerts.lifecycle;

import org.ewea.alerts.alert.AlertState;

/** A move the lifecycle does not allow, e.g. NEW to ACTIONED. */
public final class IllegalTransitionException extends RuntimeException {

    private final AlertState from;
    private final AlertState to;

    public IllegalTransitionException(AlertState from, AlertState to) {
        super("an alert cannot move from " + from + " to " + to
                + (from.next().isEmpty()
                        ? ": it is closed"
                        : ": from " + from + " it can move to "
                                + from.next().stream().sorted().toList()));
        this.from = from;
        this.to = to;
    }

    public AlertState from() {
        return from;
    }

    public AlertState to() {
        return to;
    }
}
