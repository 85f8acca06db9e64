package org.ewea.scoring.signal;

import java.time.LocalDate;
import java.util.Set;

/**
 * One day (or week) of one series.
 *
 * @param day the day, or the week's Monday (UTC)
 * @param count items mentioning it
 * @param weighted the same, each weighted by its grade (see {@link GradeWeights})
 * @param sourceIds the distinct sources mentioning it
 */
public record SignalPoint(LocalDate day, long count, double weighted, Set<String> sourceIds) {

    public SignalPoint {
        sourceIds = Set.copyOf(sourceIds);
    }

    /** How many distinct sources mention it. */
    public int sources() {
        return sourceIds.size();
    }
}
