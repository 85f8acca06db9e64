package org.ewea.scoring.signal;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One interval of a technology's signal with what is read from it.
 *
 * @param day the interval's first day (UTC)
 * @param count items mentioning the technology
 * @param weighted the same, each weighted by its grade (see {@link GradeWeights})
 * @param sources distinct sources mentioning it
 * @param allItems items stored in the interval, whatever they mention
 * @param baseline mean count over the four weeks before the interval; null when those weeks are not in the series
 * @param growth count over baseline; null without a baseline or when the baseline is zero
 * @param burst whether the interval is in a burst (see {@link BurstDetector})
 * @param cues items with cue phrases, per counted indicator (see {@link SignalPoint#cues()})
 * @param darkWeb items from dark-web or underground sources
 */
public record SignalReading(
        LocalDate day,
        long count,
        double weighted,
        int sources,
        long allItems,
        @Nullable Double baseline,
        @Nullable Double growth,
        boolean burst,
        Map<String, Long> cues,
        long darkWeb) {

    public SignalReading {
        cues = Map.copyOf(cues);
    }
}
