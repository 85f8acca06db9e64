package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.jspecify.annotations.Nullable;

/**
 * Training examples for the early-warning model from the stored signal series: one per series and day on which it was
 * mentioned, its features as the scorer would have read them that day, labelled by whether it became authoritative
 * within the horizon. Only labels known on {@code knownAt} are read. A series already authoritative on the day gives
 * no example (there is nothing left to warn of). A day whose horizon runs past {@code knownAt} is a negative only if
 * at least {@code minObservedDays} of it were observed without the subject becoming authoritative (a censored label,
 * wrong when it is added later); with fewer, the day gives no example.
 *
 * @param horizonDays the label horizon
 * @param minObservedDays see above; equal to {@code horizonDays} for uncensored labels only
 */
public record WarningExamples(WarningFeatures features, int horizonDays, int minObservedDays) {

    /** One example. */
    public record Example(String series, LocalDate day, double[] x, int y) {}

    public List<Example> build(
            SignalRepository signals,
            LocalDate from,
            LocalDate to,
            AuthoritativeDates labels,
            LocalDate knownAt,
            Predicate<String> series) {
        AuthoritativeDates known = labels.knownAt(knownAt);
        Map<String, List<SignalPoint>> history =
                signals.active(from.minusWeeks(StageTracker.WEEKS).minusDays(SeriesWindow.DAYS), to);
        List<SignalPoint> all = history.getOrDefault(SignalRepository.ALL_ITEMS, List.of());
        List<Example> examples = new ArrayList<>();
        history.forEach((id, points) -> {
            if (id.equals(SignalRepository.ALL_ITEMS) || !series.test(id)) {
                return;
            }
            Optional<LocalDate> authoritative = known.of(id);
            for (SignalPoint p : points) {
                LocalDate day = p.day();
                if (p.count() == 0
                        || day.isBefore(from)
                        || day.isAfter(to)
                        || day.isAfter(knownAt)
                        || authoritative.filter(a -> !a.isAfter(day)).isPresent()) {
                    continue;
                }
                Integer y = label(day, authoritative, knownAt);
                if (y != null) {
                    examples.add(
                            new Example(id, day, features.values(EarlyWarningScorer.window(id, day, points, all)), y));
                }
            }
        });
        return examples;
    }

    private @Nullable Integer label(LocalDate day, Optional<LocalDate> authoritative, LocalDate knownAt) {
        if (authoritative.filter(a -> !a.isAfter(day.plusDays(horizonDays))).isPresent()) {
            return 1;
        }
        return day.plusDays(Math.min(minObservedDays, horizonDays)).isAfter(knownAt) ? null : 0;
    }
}
