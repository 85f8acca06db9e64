package org.ewea.scoring.signal;

import java.time.LocalDate;

/**
 * One day of one technology's signal.
 *
 * @param day the day (UTC)
 * @param count items mentioning it
 * @param weighted the same, each weighted by its grade (see {@link GradeWeights})
 * @param sources distinct sources mentioning it that day
 */
public record SignalPoint(LocalDate day, long count, double weighted, int sources) {
}
