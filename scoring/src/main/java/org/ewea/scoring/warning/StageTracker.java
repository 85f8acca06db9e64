package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ewea.methodology.stage.Indicator;
import org.ewea.methodology.stage.StageModel;
import org.ewea.methodology.stage.StageTransition;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalPoint;

/**
 * Moves a series through the methodology's stages: starting in the initial stage at the first weekly check after
 * it was first seen, the indicators are measured once a week (on the weekday of {@code asOf}) and the first
 * transition rule of the current stage that fires moves it on (at most one step a week). Nothing is stored: the same
 * history gives the same stage. The indicators are those of stages.yaml.
 *
 * @param model the methodology's stage model
 * @param bursts the burst automaton
 */
public record StageTracker(StageModel model, BurstDetector bursts) {

    /** Series are followed through at most this many weeks before {@code asOf}. */
    public static final int WEEKS = 26;

    /**
     * @param points the series' days with mentions up to {@code asOf} (26 weeks are enough)
     * @param allItems the all-items series' days over the same range
     */
    public StageReading read(String series, LocalDate asOf, List<SignalPoint> points, List<SignalPoint> allItems) {
        LocalDate first = points.stream()
                .filter(p -> p.count() > 0 && !p.day().isAfter(asOf))
                .map(SignalPoint::day)
                .min(LocalDate::compareTo)
                .orElse(asOf);
        long weeksBack = Math.min(WEEKS, ChronoUnit.DAYS.between(first, asOf) / 7);
        String stage = model.initial().id();
        LocalDate since = asOf.minusWeeks(weeksBack);
        String rationale = "first seen " + first + "; every subject starts as "
                + model.initial().name();
        double peak = 0;
        Map<String, Double> indicators = Map.of();
        for (long k = weeksBack; k >= 0; k--) {
            LocalDate check = asOf.minusWeeks(k);
            SeriesWindow w = new SeriesWindow(series, check, points, allItems, first);
            double volume = w.weighted(7);
            peak = Math.max(peak, volume);
            indicators = indicators(w, volume, peak, ChronoUnit.DAYS.between(since, check) / 7.0);
            Optional<StageTransition> next = model.next(stage, indicators);
            if (next.isPresent()) {
                stage = next.get().to();
                since = check;
                rationale = next.get().explain(indicators) + " on " + check;
            }
        }
        return new StageReading(stage, since, rationale, indicators);
    }

    private Map<String, Double> indicators(SeriesWindow w, double volume, double peak, double weeksInStage) {
        double baselineWeekly = w.countBefore(7, 28) / 4.0;
        double growth = w.count(7) / Math.max(0.5, baselineWeekly);
        int burstDays = w.burstDays(bursts, 7);
        Map<String, Double> values = new HashMap<>();
        values.put("volume", volume);
        values.put("growth", growth);
        values.put("burst", (double) (burstDays == 0 ? 0 : 1 + (burstDays >= 3 ? 1 : 0) + (growth >= 4 ? 1 : 0)));
        values.put("source-diversity", (double) w.sources(28));
        if (w.count(28) > 0) {
            values.put("dark-web-share", (double) w.darkWeb(28) / w.count(28));
        }
        model.indicators().stream()
                .filter(Indicator::counted)
                .forEach(i -> values.put(i.id(), (double) w.cue(i.id(), 28)));
        values.put("weeks-in-stage", weeksInStage);
        values.put("peak-ratio", peak > 0 ? volume / peak : 0);
        return values;
    }
}
