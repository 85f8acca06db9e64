package org.ewea.alerts.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

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
 */
public record EvaluationReport(Instant at, LocalDate asOf, int rules, int triggers, int raised, int updated,
        int unchanged, int suppressed, int actionsPlanned, Duration took) {
}
