package org.ewea.alerts.action;

/** Where an early action stands. */
public enum ActionStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    DROPPED
}
