package org.ewea.scoring.signal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One day (or week) of one series.
 *
 * @param day the day, or the week's Monday (UTC)
 * @param count items mentioning it
 * @param weighted the same, each weighted by its grade (see {@link GradeWeights})
 * @param sourceIds the distinct sources mentioning it
 * @param cues per counted indicator of the methodology (commodification, exploitation...), how many of those items
 *     have one of its cue phrases; indicators without such items are absent
 */
public record SignalPoint(LocalDate day, long count, double weighted, Set<String> sourceIds, Map<String, Long> cues) {

    public SignalPoint {
        sourceIds = Set.copyOf(sourceIds);
        cues = Map.copyOf(cues);
    }

    public SignalPoint(LocalDate day, long count, double weighted, Set<String> sourceIds) {
        this(day, count, weighted, sourceIds, Map.of());
    }

    /** How many distinct sources mention it. */
    public int sources() {
        return sourceIds.size();
    }

    /** Items with cues of the indicator. */
    public long cue(String indicator) {
        return cues.getOrDefault(indicator, 0L);
    }
}
