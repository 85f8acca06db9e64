package org.ewea.api.exercise;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a participant decided, stamped with the exercise's simulated time.
 *
 * @param number order of the decision in the exercise, from 1
 * @param at simulated time
 * @param wall wall-clock time
 * @param user who decided
 * @param team their team
 * @param type {@code transition} (an alert moved through its lifecycle), {@code actions} (early actions chosen for an
 *     alert), {@code assessment} (a short written assessment) or {@code answer} (to a policy question)
 * @param alertId the alert decided on, if any
 * @param subjectKind the alert's subject kind, if any
 * @param subjectId the alert's subject id, if any
 * @param to the state an alert was moved to (transition)
 * @param actions the early actions chosen (recommendation ids of the playbooks)
 * @param questionId the question answered (answer)
 * @param text the participant's words
 */
public record Decision(
        long number,
        Instant at,
        Instant wall,
        String user,
        String team,
        String type,
        @Nullable String alertId,
        @Nullable String subjectKind,
        @Nullable String subjectId,
        @Nullable String to,
        List<String> actions,
        @Nullable String questionId,
        @Nullable String text) {

    public Decision {
        actions = List.copyOf(actions);
    }
}
