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
 * @param focused how many of the items are about few subjects of the series' kind (see
 *     {@link SignalRepository#record}): a cue in a round-up of forty CVEs says little about each
 * @param focusedCues the cue counts of the focused items only
 * @param darkWeb how many of the items come from dark-web or underground sources
 */
public record SignalPoint(
        LocalDate day,
        long count,
        double weighted,
        Set<String> sourceIds,
        Map<String, Long> cues,
        long focused,
        Map<String, Long> focusedCues,
        long darkWeb) {

    public SignalPoint {
        sourceIds = Set.copyOf(sourceIds);
        cues = Map.copyOf(cues);
        focusedCues = Map.copyOf(focusedCues);
    }

    public SignalPoint(LocalDate day, long count, double weighted, Set<String> sourceIds) {
        this(day, count, weighted, sourceIds, Map.of(), 0, Map.of(), 0);
    }

    public SignalPoint(LocalDate day, long count, double weighted, Set<String> sourceIds, Map<String, Long> cues) {
        this(day, count, weighted, sourceIds, cues, 0, Map.of(), 0);
    }

    public SignalPoint(
            LocalDate day,
            long count,
            double weighted,
            Set<String> sourceIds,
            Map<String, Long> cues,
            long focused,
            Map<String, Long> focusedCues) {
        this(day, count, weighted, sourceIds, cues, focused, focusedCues, 0);
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
