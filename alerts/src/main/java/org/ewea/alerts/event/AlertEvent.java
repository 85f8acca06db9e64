package org.ewea.alerts.event;

import java.time.Instant;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.Subject;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to an alert, numbered in one sequence across every instance: what SSE streams resume from
 * and what subscriptions deliver.
 *
 * @param sequence the event's number (the SSE id)
 * @param type raised, updated, transition, assessed or feedback
 * @param at when, on the service's clock
 * @param alertId the alert
 * @param ruleId the rule that raised it
 * @param state its state after the event
 * @param title its title
 * @param subject what it is about
 * @param category its top-level taxonomy category, if any
 * @param stage its stage, if staged
 * @param priority its priority, if any
 * @param score its score, if scored
 * @param tlp its marking: only readers cleared for it receive the event
 * @param handling its handling code: only readers cleared for it receive the event
 * @param grade the best Admiralty grade among the items it cites, if any
 * @param note what changed
 */
public record AlertEvent(
        long sequence,
        String type,
        Instant at,
        String alertId,
        String ruleId,
        AlertState state,
        String title,
        Subject subject,
        @Nullable String category,
        @Nullable String stage,
        @Nullable String priority,
        @Nullable Double score,
        Tlp tlp,
        Handling handling,
        @Nullable String grade,
        @Nullable String note) {

    static AlertEvent of(long sequence, String type, Instant at, Alert alert, @Nullable String note) {
        return new AlertEvent(
                sequence,
                type,
                at,
                alert.id(),
                alert.ruleId(),
                alert.state(),
                alert.title(),
                alert.subject(),
                alert.category(),
                alert.stage(),
                alert.priority(),
                alert.score(),
                alert.tlp(),
                alert.handling(),
                alert.grade(),
                note);
    }
}
