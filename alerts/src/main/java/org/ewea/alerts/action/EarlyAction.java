package org.ewea.alerts.action;

import java.time.Instant;
import java.time.LocalDate;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * An early-action recommendation from the methodology's playbooks, made for one alert and tracked to done.
 *
 * @param id stable id (alert and recommendation)
 * @param alertId the alert it answers
 * @param alertTitle the alert's title when planned
 * @param recommendationId the playbook recommendation
 * @param audience analyst, policy, operational or training
 * @param actionType preparedness, mitigation, prevention, policy or training
 * @param title short imperative
 * @param text what to do and why
 * @param owner the role that owns it
 * @param assignee the user who took it, if anyone
 * @param status where it stands
 * @param due when it is due for review
 * @param done the indicator that it is done
 * @param category the top-level taxonomy category
 * @param stage the stage it was planned for
 * @param tlp the alert's marking: only readers cleared for it see the action
 * @param handling the alert's handling code: only readers cleared for it see the action
 * @param note the latest note
 * @param createdAt when planned
 * @param updatedAt when last changed
 * @param version incremented on every change
 */
public record EarlyAction(
        String id,
        String alertId,
        String alertTitle,
        String recommendationId,
        String audience,
        String actionType,
        String title,
        String text,
        String owner,
        @Nullable String assignee,
        ActionStatus status,
        LocalDate due,
        String done,
        String category,
        String stage,
        Tlp tlp,
        Handling handling,
        @Nullable String note,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The next version with the given values changed (null: unchanged), changed at {@code at}. */
    public EarlyAction changed(
            @Nullable String newAssignee,
            @Nullable ActionStatus newStatus,
            @Nullable LocalDate newDue,
            @Nullable String newNote,
            Instant at) {
        return new EarlyAction(
                id,
                alertId,
                alertTitle,
                recommendationId,
                audience,
                actionType,
                title,
                text,
                owner,
                newAssignee != null ? newAssignee : assignee,
                newStatus != null ? newStatus : status,
                newDue != null ? newDue : due,
                done,
                category,
                stage,
                tlp,
                handling,
                newNote != null ? newNote : note,
                createdAt,
                at,
                version + 1);
    }
}
