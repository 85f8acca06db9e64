package org.ewea.alerts.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * A rule finding its development in one evaluation.
 *
 * @param rule the rule
 * @param subject what the development is about
 * @param title one line
 * @param summary what happened
 * @param score the subject's score, if scored
 * @param stage its stage, if staged
 * @param priority its priority, if assessed by the risk matrix
 * @param category its top-level taxonomy category, if any
 * @param tlp the most restrictive marking of the evidence
 * @param handling the most restrictive handling code of the evidence
 * @param grade the best Admiralty grade among the evidence (e.g. B2), if any
 * @param evidence ids of the newest items behind it
 * @param facts measured values, as text
 * @param asOf the day of the signals read
 */
public record Trigger(
        AlertRule rule,
        Subject subject,
        String title,
        String summary,
        @Nullable Double score,
        @Nullable String stage,
        @Nullable String priority,
        @Nullable String category,
        Tlp tlp,
        Handling handling,
        @Nullable String grade,
        List<String> evidence,
        Map<String, String> facts,
        LocalDate asOf) {

    public Trigger {
        evidence = List.copyOf(evidence);
        facts = Map.copyOf(facts);
    }

    /** The development: one open alert per rule and subject. */
    public String groupKey() {
        return rule.id() + "|" + subject.kind() + "|" + subject.id();
    }
}
