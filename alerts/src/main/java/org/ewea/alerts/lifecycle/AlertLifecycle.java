package org.ewea.alerts.lifecycle;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.Assessment;
import org.ewea.alerts.alert.Feedback;
import org.ewea.alerts.alert.HistoryEntry;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.grading.InvalidGradeException;
import org.ewea.methodology.risk.HarmProfile;
import org.ewea.methodology.risk.RiskAssessment;
import org.ewea.scoring.warning.SubjectHarm;
import org.jspecify.annotations.Nullable;

/**
 * Analysts' changes to alerts: guarded transitions (with the assessment that ASSESSED needs and the reason that
 * DISMISSED needs) and relevance feedback. Each is recorded in the alert's history (who, when, from, to, note) and
 * announced as an event. All calls block.
 */
public final class AlertLifecycle {

    static final int MAX_NOTE = 4_000;

    private final AlertRepository alerts;
    private final AlertEventLog events;
    private final Methodology methodology;
    private final InstantSource clock;

    public AlertLifecycle(AlertRepository alerts, AlertEventLog events, Methodology methodology, InstantSource clock) {
        this.alerts = alerts;
        this.events = events;
        this.methodology = methodology;
        this.clock = clock;
    }

    /**
     * Moves the alert to {@code to}.
     *
     * @param expectedVersion the version the analyst saw, or null to apply to the current one
     * @throws IllegalTransitionException when the lifecycle does not allow it
     * @throws InvalidAlertInputException when the note or assessment is missing or invalid
     * @throws AlertRepository.ConcurrentChangeException when the alert changed since {@code expectedVersion}
     * @throws java.util.NoSuchElementException when there is no such alert
     */
    public Alert transition(
            String id,
            AlertState to,
            @Nullable String note,
            @Nullable AssessmentInput input,
            String actor,
            @Nullable Long expectedVersion) {
        Alert alert = alerts.find(id).orElseThrow(() -> new NoSuchElementException("no alert " + id));
        if (expectedVersion != null && expectedVersion != alert.version()) {
            throw new AlertRepository.ConcurrentChangeException(id);
        }
        if (!alert.state().canMoveTo(to)) {
            throw new IllegalTransitionException(alert.state(), to);
        }
        String text = note(note, to == AlertState.DISMISSED);
        if (input != null && to != AlertState.ASSESSED) {
            throw new InvalidAlertInputException("assessment", "is only taken when moving to ASSESSED");
        }
        Instant now = clock.instant();
        Assessment assessment = alert.assessment();
        String priority = alert.priority();
        if (to == AlertState.ASSESSED) {
            if (input == null) {
                throw new InvalidAlertInputException(
                        "assessment",
                        "is required to move to ASSESSED: grade,"
                                + " likelihood and confidence (harm and position have defaults)");
            }
            assessment = assess(alert, input, text);
            priority = assessment.priority();
        }
        List<HistoryEntry> history = new ArrayList<>(alert.history());
        history.add(new HistoryEntry(now, actor, "TRANSITION", alert.state(), to, text));
        Alert moved = new Alert(
                alert.id(),
                alert.groupKey(),
                alert.ruleId(),
                alert.ruleName(),
                alert.subject(),
                alert.title(),
                alert.summary(),
                to,
                alert.score(),
                alert.stage(),
                priority,
                alert.category(),
                alert.tlp(),
                alert.handling(),
                alert.grade(),
                alert.evidence(),
                alert.facts(),
                alert.asOf(),
                alert.raisedAt(),
                now,
                alert.triggers(),
                to.isOpen() ? null : now,
                history,
                assessment,
                alert.feedback(),
                alert.version() + 1);
        alerts.replace(moved, alert.version());
        events.append("transition", now, moved, alert.state() + " -> " + to + (text == null ? "" : ": " + text));
        return moved;
    }

    /** Records an analyst's verdict on the subject's relevance (a training label for scoring). */
    public Alert feedback(String id, boolean relevant, @Nullable String note, String user) {
        Alert alert = alerts.find(id).orElseThrow(() -> new NoSuchElementException("no alert " + id));
        String text = note(note, false);
        Instant now = clock.instant();
        List<Feedback> feedback = new ArrayList<>(alert.feedback());
        feedback.removeIf(f -> f.user().equals(user));
        feedback.add(new Feedback(user, relevant, now, text));
        List<HistoryEntry> history = new ArrayList<>(alert.history());
        history.add(new HistoryEntry(
                now,
                user,
                "FEEDBACK",
                null,
                null,
                (relevant ? "relevant" : "not relevant") + (text == null ? "" : ": " + text)));
        Alert changed = new Alert(
                alert.id(),
                alert.groupKey(),
                alert.ruleId(),
                alert.ruleName(),
                alert.subject(),
                alert.title(),
                alert.summary(),
                alert.state(),
                alert.score(),
                alert.stage(),
                alert.priority(),
                alert.category(),
                alert.tlp(),
                alert.handling(),
                alert.grade(),
                alert.evidence(),
                alert.facts(),
                alert.asOf(),
                alert.raisedAt(),
                now,
                alert.triggers(),
                alert.closedAt(),
                history,
                alert.assessment(),
                feedback,
                alert.version() + 1);
        alerts.replace(changed, alert.version());
        events.append("feedback", now, changed, relevant ? "relevant" : "not relevant");
        return changed;
    }

    private Assessment assess(Alert alert, AssessmentInput input, @Nullable String note) {
        String scheme = input.scheme() == null ? "admiralty" : input.scheme();
        if (input.grade() == null || input.grade().isBlank()) {
            throw new InvalidAlertInputException("assessment.grade", "is required, e.g. B2 (admiralty)");
        }
        String grade;
        try {
            grade = methodology.grading().parse(scheme, input.grade()).text();
        } catch (InvalidGradeException e) {
            throw new InvalidAlertInputException("assessment.grade", e.getMessage());
        }
        if (input.likelihood() == null) {
            throw new InvalidAlertInputException("assessment.likelihood", "is required, 1 to 5");
        }
        if (input.confidence() == null) {
            throw new InvalidAlertInputException("assessment.confidence", "is required: low, medium or high");
        }
        HarmProfile harm = input.harm() != null
                ? input.harm()
                : SubjectHarm.of(
                        methodology, alert.subject().kind(), alert.subject().id());
        int position = input.position() == null ? 2 : input.position();
        RiskAssessment risk;
        try {
            risk = methodology.riskMatrix().assess(harm, input.likelihood(), position, input.confidence());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("likelihood")
                    ? "likelihood"
                    : e.getMessage().startsWith("position") ? "position" : "confidence";
            throw new InvalidAlertInputException("assessment." + field, e.getMessage());
        }
        return new Assessment(
                scheme,
                grade,
                harm,
                input.likelihood(),
                position,
                input.confidence(),
                risk.priority().id(),
                risk.score(),
                risk.rationale(),
                note);
    }

    private static @Nullable String note(@Nullable String note, boolean required) {
        if (note == null || note.isBlank()) {
            if (required) {
                throw new InvalidAlertInputException("note", "is required: the reason for dismissing");
            }
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidAlertInputException("note", "must be at most " + MAX_NOTE + " characters");
        }
        return note.strip();
    }
}
