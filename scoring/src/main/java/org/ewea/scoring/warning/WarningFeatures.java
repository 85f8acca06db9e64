package org.ewea.scoring.warning;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.ewea.scoring.signal.BurstDetector;

/**
 * The early-warning model's inputs, read from a {@link SeriesWindow}: volume, spread, growth, burst, age, recency,
 * source grade and the share of items with each kind of cue. Volume and spread are relative to everything stored
 * in the same days (per mille of the items, share of the sources), so that a model carries over between installs
 * that watch 20 sources or 700; they enter as logarithms so that one source repeating itself cannot dominate. Each
 * feature can say in words what its value means.
 *
 * @param bursts the burst automaton
 */
public record WarningFeatures(BurstDetector bursts) {

    /** One input of the model. */
    public record Feature(String name, String description) {}

    public static final List<Feature> FEATURES = List.of(
            new Feature("mentions-7d", "ln(1 + per mille of the last 7 days' items that mention it)"),
            new Feature("mentions-28d", "ln(1 + per mille of the last 28 days' items that mention it)"),
            new Feature("sources-28d", "ln(1 + per cent of the last 28 days' active sources that mention it)"),
            new Feature("growth", "ln((last 7 days + 1) / (weekly mean of the 4 weeks before + 1))"),
            new Feature("burst-7d", "share of the last 7 days in a burst (Kleinberg two-state automaton)"),
            new Feature("age", "ln(1 + days since first seen)"),
            new Feature("quiet", "days since the last mention, over 28 (capped at 1)"),
            new Feature("grade", "mean source-grade weight of the last 28 days' items (A1 = 1)"),
            new Feature("focus", "share of the last 28 days' items that are about few subjects of its kind"),
            new Feature(
                    "exploitation-share",
                    "share of the last 28 days' items about few subjects that say it is" + " exploited in the wild"),
            new Feature(
                    "exploit-available-share",
                    "share of the last 28 days' items about few subjects that say an" + " exploit is public"),
            new Feature("commodification-share", "share of the last 28 days' items with commodification cues"),
            new Feature("intent-share", "share of the last 28 days' items with intent cues"),
            new Feature("how-to-share", "share of the last 28 days' items with tutorial cues"),
            new Feature("enforcement-share", "share of the last 28 days' items reporting enforcement action"));

    public static List<String> names() {
        return FEATURES.stream().map(Feature::name).toList();
    }

    public double[] values(SeriesWindow w) {
        long c7 = w.count(7);
        long c28 = w.count(28);
        double baselineWeekly = w.countBefore(7, 28) / 4.0;
        double perItem = Math.max(1, c28);
        return new double[] {
            Math.log1p(1000.0 * c7 / Math.max(1, w.allItems(7))),
            Math.log1p(1000.0 * c28 / Math.max(1, w.allItems(28))),
            Math.log1p(100.0 * w.sources(28) / Math.max(1, w.allSources(28))),
            Math.log((c7 + 1.0) / (baselineWeekly + 1.0)),
            w.burstDays(bursts, 7) / 7.0,
            w.firstSeen() == null ? 0 : Math.log1p(ChronoUnit.DAYS.between(w.firstSeen(), w.asOf())),
            Math.min(28, w.daysSinceLastMention()) / 28.0,
            c28 == 0 ? 0 : w.weighted(28) / c28,
            w.focused(28) / perItem,
            w.focusedCue("exploitation", 28) / perItem,
            w.focusedCue("exploit-available", 28) / perItem,
            w.cue("commodification", 28) / perItem,
            w.cue("intent", 28) / perItem,
            w.cue("how-to", 28) / perItem,
            w.cue("enforcement", 28) / perItem
        };
    }

    /** What the value of feature {@code index} means, in words. */
    public static String describe(int index, double value, SeriesWindow w) {
        return switch (FEATURES.get(index).name()) {
            case "mentions-7d" -> plural(w.count(7), "item") + " of " + w.allItems(7) + " in the last 7 days";
            case "mentions-28d" -> plural(w.count(28), "item") + " of " + w.allItems(28) + " in the last 28 days";
            case "sources-28d" ->
                plural(w.sources(28), "source") + " of " + w.allSources(28) + " active in the last 28 days";
            case "growth" ->
                String.format(
                        Locale.ROOT,
                        "%d item(s) this week against %.1f a week before",
                        w.count(7),
                        w.countBefore(7, 28) / 4.0);
            case "burst-7d" -> Math.round(value * 7) + " of the last 7 days in a burst";
            case "age" -> w.firstSeen() == null ? "never seen" : "first seen " + w.firstSeen();
            case "quiet" ->
                w.daysSinceLastMention() >= SeriesWindow.DAYS
                        ? "no mention in 8 weeks"
                        : "last mentioned " + plural(w.daysSinceLastMention(), "day") + " ago";
            case "grade" -> String.format(Locale.ROOT, "mean source-grade weight %.2f", value);
            case "focus" -> w.focused(28) + " of " + plural(w.count(28), "item") + " about few subjects of its kind";
            case "exploitation-share", "exploit-available-share" -> {
                String indicator = FEATURES.get(index).name().replace("-share", "");
                yield w.focusedCue(indicator, 28) + " of " + plural(w.count(28), "item") + " about few subjects with "
                        + indicator + " cues";
            }
            default -> {
                String indicator = FEATURES.get(index).name().replace("-share", "");
                yield plural(w.cue(indicator, 28), "item") + " of " + w.count(28) + " with " + indicator + " cues";
            }
        };
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
