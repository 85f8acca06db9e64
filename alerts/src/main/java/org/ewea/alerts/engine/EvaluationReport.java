package org.ewea.alerts.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;

/**
 * What one evaluation did.
 *
 * @param at when it ran (service clock)
 * @param asOf the day of the signals read
 * @param rules rules evaluated
 * @param triggers triggers found
 * @param raised new alerts
 * @param updated open alerts that changed materially
 * @param unchanged open alerts that only counted the trigger
 * @param suppressed triggers inside a closed alert's cooldown
 * @param actionsPlanned early actions planned
 * @param took how long it took (wall time)
 * @param outcomes what became of each trigger, with the marking of the alert it concerns
 */
public record EvaluationReport(
        Instant at,
        LocalDate asOf,
        int rules,
        int triggers,
        int raised,
        int updated,
        int unchanged,
        int suppressed,
        int actionsPlanned,
        Duration took,
        List<Outcome> outcomes) {

    /**
     * What became of one trigger.
     *
     * @param kind RAISED, UPDATED, UNCHANGED or SUPPRESSED
     * @param tlp the marking of the alert it raised, updated or met (RED when there was none to tell)
     * @param handling its handling code
     * @param actionsPlanned early actions planned for it
     */
    public record Outcome(String kind, Tlp tlp, Handling handling, int actionsPlanned) {}

    public EvaluationReport {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * The report as a reader with {@code clearance} may see it: counts of the alerts they may read only, so that an
     * evaluation cannot tell them whether restricted material matched a rule.
     */
    public EvaluationReport seenBy(Clearance clearance) {
        if (clearance.full()) {
            return this;
        }
        List<Outcome> seen = outcomes.stream()
                .filter(o -> clearance.permits(o.tlp(), o.handling()))
                .toList();
        return new EvaluationReport(
                at,
                asOf,
                rules,
                seen.size(),
                count(seen, "RAISED"),
                count(seen, "UPDATED"),
                count(seen, "UNCHANGED"),
                count(seen, "SUPPRESSED"),
                seen.stream().mapToInt(Outcome::actionsPlanned).sum(),
                took,
                seen);
    }

    private static int count(List<Outcome> outcomes, String kind) {
        return (int) outcomes.stream().filter(o -> o.kind().equals(kind)).count();
    }
}
