package org.ewea.alerts.alert;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.ewea.methodology.Clearance;

/**
 * Analysts' relevance verdicts on alerts as training labels for scoring: a subject is a positive from the day of the
 * signals of the earliest alert on which more analysts said "relevant" than "not relevant". Blocks.
 */
public final class AnalystLabels {

    private final AlertRepository alerts;

    public AnalystLabels(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** Series id to the day it was judged a relevant threat. */
    public Map<String, LocalDate> relevantSince() {
        Map<String, LocalDate> labels = new HashMap<>();
        for (Alert alert : alerts.all(Clearance.FULL)) {
            long relevant = alert.feedback().stream().filter(Feedback::relevant).count();
            if (relevant > alert.feedback().size() - relevant) {
                labels.merge(alert.subject().id(), alert.asOf(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return labels;
    }
}
