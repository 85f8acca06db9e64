package org.ewea.methodology.stage;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A rule that moves a technology from one stage to another when all of {@code all} and at least one of {@code any}
 * (if any are given) hold.
 *
 * @param from stage id
 * @param to stage id
 * @param all conditions that must all hold
 * @param any conditions of which one must hold (ignored when empty)
 * @param rationale why this means the stage changed, for people
 */
public record StageTransition(String from, String to, List<Condition> all, List<Condition> any, String rationale) {

    public StageTransition {
        all = List.copyOf(all);
        any = List.copyOf(any);
    }

    public boolean fires(Map<String, Double> indicators) {
        return all.stream().allMatch(c -> c.holds(indicators.get(c.indicator())))
                && (any.isEmpty() || any.stream().anyMatch(c -> c.holds(indicators.get(c.indicator()))));
    }

    /** The rationale with the measured values, e.g. "... (growth 2.40 >= 2, source-diversity 4 >= 3)". */
    public String explain(Map<String, Double> indicators) {
        List<String> held = Stream.concat(
                        all.stream(), any.stream().filter(c -> c.holds(indicators.get(c.indicator()))))
                .map(c -> c.describe(indicators.get(c.indicator())))
                .toList();
        return rationale + " (" + String.join(", ", held) + ")";
    }
}
