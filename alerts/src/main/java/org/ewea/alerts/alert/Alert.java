package org.ewea.alerts.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * One development, raised by a rule and updated while it is open.
 *
 * @param id stable id
 * @param groupKey the development: rule id and subject; at most one open alert per group
 * @param ruleId the rule that raised it
 * @param ruleName the rule's name at the time
 * @param subject what it is about
 * @param title one line
 * @param summary what happened, in words (the latest trigger)
 * @param state where it is in its lifecycle
 * @param score the subject's early-warning score at the latest trigger, if scored
 * @param stage the subject's stage at the latest trigger, if staged
 * @param priority the subject's priority (the analyst's assessment wins over the rule engine's)
 * @param category the top-level taxonomy category, for recommendations (null for entities without one)
 * @param tlp the most restrictive marking of its evidence: only readers cleared for it see the alert
 * @param handling the most restrictive handling code of its evidence: only readers cleared for it see the alert
 * @param grade the best Admiralty grade among the items it cites (e.g. B2), if any
 * @param evidence ids of the newest items behind it
 * @param facts the trigger's measured values
 * @param asOf the day of the signals the latest trigger read
 * @param raisedAt when it was raised
 * @param updatedAt when it last changed
 * @param triggers how many evaluations have found the development since it was raised
 * @param closedAt when it was actioned or dismissed
 * @param history every change, oldest first
 * @param assessment the analyst's assessment, once assessed
 * @param feedback analysts' relevance verdicts
 * @param version incremented on every change (optimistic locking)
 */
public record Alert(
        String id,
        String groupKey,
        String ruleId,
        String ruleName,
        Subject subject,
        String title,
        String summary,
        AlertState state,
        @Nullable Double score,
        @Nullable String stage,
        @Nullable String priority,
        @Nullable String category,
        Tlp tlp,
        Handling handling,
        @Nullable String grade,
        List<String> evidence,
        Map<String, String> facts,
        LocalDate asOf,
        Instant raisedAt,
        Instant updatedAt,
        int triggers,
        @Nullable Instant closedAt,
        List<HistoryEntry> history,
        @Nullable Assessment assessment,
        List<Feedback> feedback,
        long version) {

    public Alert {
        evidence = List.copyOf(evidence);
        facts = Collections.unmodifiableMap(new TreeMap<>(facts));
        history = List.copyOf(history);
        feedback = List.copyOf(feedback);
    }
}
