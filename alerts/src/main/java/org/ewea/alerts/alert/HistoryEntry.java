package org.ewea.alerts.alert;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of an alert, in order: raised, updated by a new trigger, moved through its lifecycle, given feedback.
 *
 * @param at when (on the service's clock: simulated time in an exercise)
 * @param actor the user, or {@code system} for the rule engine
 * @param type RAISED, UPDATED, TRANSITION, ASSESSMENT or FEEDBACK
 * @param from the state before a transition
 * @param to the state after it
 * @param note the note, reason or what changed
 */
public record HistoryEntry(
        Instant at,
        String actor,
        String type,
        @Nullable AlertState from,
        @Nullable AlertState to,
        @Nullable String note) {}
