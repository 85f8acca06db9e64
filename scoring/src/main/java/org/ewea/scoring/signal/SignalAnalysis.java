package org.ewea.scoring.signal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a series: growth against the preceding four weeks and burst state. The series given should start four weeks
 * before the first interval the caller wants read, so that every wanted interval has its baseline; the burst
 * automaton runs over the whole series given.
 *
 * @param bursts the burst automaton
 */
public record SignalAnalysis(BurstDetector bursts) {

    /** Days in the baseline window. */
    public static final int BASELINE_DAYS = 28;

    /**
     * @param mentions the technology's points, one per interval
     * @param all the items stored per interval, aligned with {@code mentions}
     * @param baselineIntervals how many intervals make four weeks (28 for days, 4 for weeks)
     */
    public List<SignalReading> read(List<SignalPoint> mentions, List<SignalPoint> all, int baselineIntervals) {
        int n = mentions.size();
        if (all.size() != n) {
            throw new IllegalArgumentException("series differ in length: " + n + ", " + all.size());
        }
        long[] relevant = new long[n];
        long[] total = new long[n];
        for (int t = 0; t < n; t++) {
            if (!mentions.get(t).day().equals(all.get(t).day())) {
                throw new IllegalArgumentException("series are not aligned at " + t);
            }
            relevant[t] = mentions.get(t).count();
            total[t] = Math.max(all.get(t).count(), relevant[t]);
        }
        boolean[] burst = bursts.bursts(relevant, total);
        List<SignalReading> readings = new ArrayList<>(n);
        long window = 0;
        for (int t = 0; t < n; t++) {
            Double baseline = null;
            Double growth = null;
            if (t >= baselineIntervals) {
                baseline = (double) window / baselineIntervals;
                growth = baseline > 0 ? relevant[t] / baseline : null;
            }
            SignalPoint p = mentions.get(t);
            readings.add(new SignalReading(
                    p.day(),
                    p.count(),
                    p.weighted(),
                    p.sources(),
                    total[t],
                    baseline,
                    growth,
                    burst[t],
                    p.cues(),
                    p.darkWeb()));
            window += relevant[t];
            if (t >= baselineIntervals) {
                window -= relevant[t - baselineIntervals];
            }
        }
        return readings;
    }

    /**
     * Daily points summed into weeks from Monday (a week's sources are the distinct sources of its days); a week cut
     * by the ends of the series holds only the days given.
     */
    public List<SignalPoint> weekly(List<SignalPoint> daily) {
        Map<LocalDate, SignalPoint> weeks = new LinkedHashMap<>();
        for (SignalPoint p : daily) {
            LocalDate monday = p.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.merge(
                    monday,
                    new SignalPoint(
                            monday,
                            p.count(),
                            p.weighted(),
                            p.sourceIds(),
                            p.cues(),
                            p.focused(),
                            p.focusedCues(),
                            p.darkWeb()),
                    (a, b) -> {
                        Set<String> sources = new HashSet<>(a.sourceIds());
                        sources.addAll(b.sourceIds());
                        Map<String, Long> cues = new HashMap<>(a.cues());
                        b.cues().forEach((cue, n) -> cues.merge(cue, n, Long::sum));
                        Map<String, Long> focusedCues = new HashMap<>(a.focusedCues());
                        b.focusedCues().forEach((cue, n) -> focusedCues.merge(cue, n, Long::sum));
                        return new SignalPoint(
                                monday,
                                a.count() + b.count(),
                                a.weighted() + b.weighted(),
                                sources,
                                cues,
                                a.focused() + b.focused(),
                                focusedCues,
                                a.darkWeb() + b.darkWeb());
                    });
        }
        return new ArrayList<>(weeks.values());
    }
}
