package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalPoint;
import org.jspecify.annotations.Nullable;

/**
 * The last {@link #DAYS} days of one series up to and including {@code asOf}, dense (one slot per day), with the
 * all-items series beside it: what the early-warning features and the stage indicators are read from. Only points
 * on or before {@code asOf} are used, so a window never sees the future.
 */
public final class SeriesWindow {

    /** Eight weeks: the last week, the four-week baseline before it, and room for the burst automaton. */
    public static final int DAYS = 56;

    private final String series;
    private final LocalDate asOf;
    private final long[] counts = new long[DAYS];
    private final double[] weighted = new double[DAYS];
    private final long[] all = new long[DAYS];
    private final List<Set<String>> sources;
    private final List<Set<String>> allSources;
    private final Map<String, long[]> cues = new HashMap<>();
    private final long[] focused = new long[DAYS];
    private final long[] darkWeb = new long[DAYS];
    private final Map<String, long[]> focusedCues = new HashMap<>();
    private final @Nullable LocalDate firstSeen;

    /**
     * @param points the series' days with mentions (any order; days outside the window are ignored)
     * @param allItems the all-items series' days
     * @param firstSeen the series' first day with a mention, if known (may be before the window)
     */
    public SeriesWindow(
            String series,
            LocalDate asOf,
            List<SignalPoint> points,
            List<SignalPoint> allItems,
            @Nullable LocalDate firstSeen) {
        this.series = series;
        this.asOf = asOf;
        this.sources = new ArrayList<>(DAYS);
        this.allSources = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            sources.add(Set.of());
            allSources.add(Set.of());
        }
        LocalDate earliest = null;
        for (SignalPoint p : points) {
            int slot = slot(p.day());
            if (p.count() > 0
                    && !p.day().isAfter(asOf)
                    && (earliest == null || p.day().isBefore(earliest))) {
                earliest = p.day();
            }
            if (slot < 0) {
                continue;
            }
            counts[slot] += p.count();
            weighted[slot] += p.weighted();
            Set<String> merged = new HashSet<>(sources.get(slot));
            merged.addAll(p.sourceIds());
            sources.set(slot, merged);
            p.cues().forEach((cue, n) -> cues.computeIfAbsent(cue, k -> new long[DAYS])[slot] += n);
            focused[slot] += p.focused();
            darkWeb[slot] += p.darkWeb();
            p.focusedCues().forEach((cue, n) -> focusedCues.computeIfAbsent(cue, k -> new long[DAYS])[slot] += n);
        }
        for (SignalPoint p : allItems) {
            int slot = slot(p.day());
            if (slot >= 0) {
                all[slot] += p.count();
                Set<String> merged = new HashSet<>(allSources.get(slot));
                merged.addAll(p.sourceIds());
                allSources.set(slot, merged);
            }
        }
        this.firstSeen = firstSeen != null && !firstSeen.isAfter(asOf) ? firstSeen : earliest;
    }

    /** Slot 0 is 55 days before {@code asOf}, slot 55 is {@code asOf}; -1 outside the window. */
    private int slot(LocalDate day) {
        long back = ChronoUnit.DAYS.between(day, asOf);
        return back < 0 || back >= DAYS ? -1 : (int) (DAYS - 1 - back);
    }

    public String series() {
        return series;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public @Nullable LocalDate firstSeen() {
        return firstSeen;
    }

    /** Mentions in the last {@code days} days (including {@code asOf}). */
    public long count(int days) {
        return sum(counts, DAYS - days, DAYS);
    }

    /** Mentions in the {@code days} days that end {@code skip} days before {@code asOf}. */
    public long countBefore(int skip, int days) {
        return sum(counts, DAYS - skip - days, DAYS - skip);
    }

    /** Grade-weighted mentions in the last {@code days} days. */
    public double weighted(int days) {
        double s = 0;
        for (int i = DAYS - days; i < DAYS; i++) {
            s += weighted[i];
        }
        return s;
    }

    /** Distinct sources in the last {@code days} days. */
    public int sources(int days) {
        Set<String> distinct = new HashSet<>();
        for (int i = DAYS - days; i < DAYS; i++) {
            distinct.addAll(sources.get(i));
        }
        return distinct.size();
    }

    /** Distinct sources that stored anything in the last {@code days} days. */
    public int allSources(int days) {
        Set<String> distinct = new HashSet<>();
        for (int i = DAYS - days; i < DAYS; i++) {
            distinct.addAll(allSources.get(i));
        }
        return distinct.size();
    }

    /** Items with cues of the counted indicator in the last {@code days} days. */
    public long cue(String indicator, int days) {
        long[] c = cues.get(indicator);
        return c == null ? 0 : sum(c, DAYS - days, DAYS);
    }

    /** Focused items (about few subjects of the series' kind) in the last {@code days} days. */
    public long focused(int days) {
        return sum(focused, DAYS - days, DAYS);
    }

    /** Items from dark-web or underground sources in the last {@code days} days. */
    public long darkWeb(int days) {
        return sum(darkWeb, DAYS - days, DAYS);
    }

    /** Focused items with cues of the counted indicator in the last {@code days} days. */
    public long focusedCue(String indicator, int days) {
        long[] c = focusedCues.get(indicator);
        return c == null ? 0 : sum(c, DAYS - days, DAYS);
    }

    /** All items stored in the last {@code days} days. */
    public long allItems(int days) {
        return sum(all, DAYS - days, DAYS);
    }

    /** Days since the last mention in the window; {@link #DAYS} when there is none. */
    public int daysSinceLastMention() {
        for (int i = DAYS - 1; i >= 0; i--) {
            if (counts[i] > 0) {
                return DAYS - 1 - i;
            }
        }
        return DAYS;
    }

    /** Days in a burst (Kleinberg automaton over the window's mention shares) among the last {@code days}. */
    public int burstDays(BurstDetector detector, int days) {
        long[] total = new long[DAYS];
        for (int i = 0; i < DAYS; i++) {
            total[i] = Math.max(all[i], counts[i]);
        }
        boolean[] burst = detector.bursts(counts, total);
        int n = 0;
        for (int i = DAYS - days; i < DAYS; i++) {
            n += burst[i] ? 1 : 0;
        }
        return n;
    }

    private static long sum(long[] values, int from, int to) {
        long s = 0;
        for (int i = Math.max(0, from); i < Math.min(values.length, to); i++) {
            s += values[i];
        }
        return s;
    }
}
