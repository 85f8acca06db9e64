package org.ewea.api.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an exercise came to, measured against its ground truth: for each threat that matters, when the system warned
 * and when each team acted, and the lead time gained or lost against the day the threat became authoritative; the
 * signals missed, the false alarms and what the teams did with them, the early actions chosen against the playbooks,
 * the answers to the policy questions, and a comparison of the teams.
 *
 * @param exerciseId the exercise
 * @param name its name
 * @param start scenario start
 * @param end scenario end
 * @param replayedTo how far the scenario was replayed when the report was made
 * @param state the exercise's state then
 * @param made when the report was made (wall clock)
 * @param threats one line per ground-truth threat
 * @param teams one line per team
 * @param falseAlarms alerts about subjects outside the ground truth (collection gaps aside)
 * @param actions early actions chosen, per team and alert, against the playbook's recommendations
 * @param answers answers to the policy questions
 * @param alertsWithheld alerts left out because the reader is not cleared for them
 */
public record AfterActionReport(
        String exerciseId,
        String name,
        Instant start,
        Instant end,
        Instant replayedTo,
        String state,
        Instant made,
        List<Threat> threats,
        List<TeamLine> teams,
        List<FalseAlarm> falseAlarms,
        List<ActionChoice> actions,
        List<Answer> answers,
        int alertsWithheld) {

    /**
     * A ground-truth threat.
     *
     * @param kind cve, technology, actor, tool or term
     * @param id its id
     * @param label its name
     * @param authoritative when it became authoritative (start of that day, UTC)
     * @param reference where that date comes from
     * @param firstEvidence the first replayed item about it, if any
     * @param evidenceBeforeAuthoritative items about it before it became authoritative
     * @param warned when the system first raised an alert about it, if it did
     * @param warning that alert's title
     * @param warningLead authoritative minus warned: positive is time gained, negative time lost
     * @param responses per team: when it first acted on an alert about it
     * @param missed no warning before the threat became authoritative although items about it were replayed
     */
    public record Threat(
            String kind,
            String id,
            String label,
            Instant authoritative,
            @Nullable String reference,
            @Nullable Instant firstEvidence,
            long evidenceBeforeAuthoritative,
            @Nullable Instant warned,
            @Nullable String warning,
            @Nullable Duration warningLead,
            Map<String, Response> responses,
            boolean missed) {}

    /**
     * A team's first action on a threat.
     *
     * @param at simulated time
     * @param by who
     * @param what the decision (e.g. "ASSESSED", "early actions chosen")
     * @param lead authoritative minus at
     * @param dismissed the team dismissed the warning (a real threat let go)
     */
    public record Response(Instant at, String by, String what, Duration lead, boolean dismissed) {}

    /**
     * A team's results.
     *
     * @param id team id
     * @param name team name
     * @param participants its members
     * @param decisions decisions taken
     * @param threatsActedBeforeAuthoritative ground-truth threats acted on before they became authoritative
     * @param threats ground-truth threats
     * @param medianLead median lead of their first actions on ground-truth threats (null if none)
     * @param realThreatsDismissed warnings about ground-truth threats they dismissed
     * @param falseAlarmsDismissed false alarms they dismissed
     * @param falseAlarmsActioned false alarms they actioned
     * @param actionsChosen early actions chosen
     * @param actionsRecommended of those, ones the playbooks recommended for the alert
     * @param answers policy questions answered
     */
    public record TeamLine(
            String id,
            String name,
            List<String> participants,
            long decisions,
            long threatsActedBeforeAuthoritative,
            long threats,
            @Nullable Duration medianLead,
            long realThreatsDismissed,
            long falseAlarmsDismissed,
            long falseAlarmsActioned,
            long actionsChosen,
            long actionsRecommended,
            long answers) {}

    /**
     * An alert about something outside the ground truth.
     *
     * @param alertId the alert
     * @param title its title
     * @param subject what it is about
     * @param raisedAt when (simulated)
     * @param verdicts per team: the last state they moved it to
     */
    public record FalseAlarm(
            String alertId, String title, String subject, Instant raisedAt, Map<String, String> verdicts) {}

    /**
     * Early actions a team chose for an alert.
     *
     * @param team the team
     * @param alertTitle the alert
     * @param chosen what they chose (playbook recommendation ids)
     * @param recommended what the playbooks recommended for the alert
     * @param at when (simulated)
     */
    public record ActionChoice(
            String team, String alertTitle, List<String> chosen, List<String> recommended, Instant at) {}

    /**
     * An answer to a policy question.
     *
     * @param question the question's title
     * @param asked when it was asked
     * @param team the team
     * @param by who answered
     * @param at when (simulated)
     * @param text the answer
     */
    public record Answer(String question, Instant asked, String team, String by, Instant at, String text) {}
}
