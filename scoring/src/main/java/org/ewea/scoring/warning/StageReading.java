package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a series stands in the methodology's stage model on a day.
 *
 * @param stage the stage id
 * @param since the day it entered the stage (the first weekly check, or the day of the transition)
 * @param rationale why: the transition rule that fired with its measured values, or why it is in its first stage
 * @param indicators the stage indicators measured on the day
 */
public record StageReading(String stage, LocalDate since, String rationale, Map<String, Double> indicators) {

    public StageReading {
        indicators = Collections.unmodifiableMap(new TreeMap<>(indicators));
    }
}
