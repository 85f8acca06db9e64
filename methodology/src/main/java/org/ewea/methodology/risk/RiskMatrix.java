package org.ewea.methodology.risk;

import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The risk matrix: harm index = weighted mean of the seven harm scores (0-4); risk = harm index x likelihood (0-20);
 * score = risk x organisational-position factor x confidence factor; priority = the highest band whose minimum the
 * score reaches. Every assessment carries a rationale a person can read.
 */
public record RiskMatrix(
        List<ScaleLevel> harmScale,
        Map<String, Double> harmWeights,
        List<ScaleLevel> likelihood,
        List<ScaleLevel> position,
        List<ConfidenceLevel> confidence,
        List<Priority> priorities) {

    public RiskMatrix {
        harmScale = List.copyOf(harmScale);
        harmWeights = Map.copyOf(harmWeights);
        likelihood = List.copyOf(likelihood);
        position = List.copyOf(position);
        confidence = List.copyOf(confidence);
        priorities = priorities.stream()
                .sorted(Comparator.comparingDouble(Priority::minScore).reversed())
                .toList();
    }

    /**
     * @param harm harm profile (0-4 per dimension)
     * @param likelihoodValue 1-5
     * @param positionValue 1-4
     * @param confidenceId low, medium or high
     * @throws IllegalArgumentException naming the input that is out of range
     */
    public RiskAssessment assess(HarmProfile harm, int likelihoodValue, int positionValue, String confidenceId) {
        ScaleLevel like = level(likelihood, likelihoodValue, "likelihood");
        ScaleLevel pos = level(position, positionValue, "position");
        ConfidenceLevel conf = confidence.stream()
                .filter(c -> c.id().equals(confidenceId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("confidence must be one of "
                        + confidence.stream().map(ConfidenceLevel::id).toList() + ", was '" + confidenceId + "'"));
        double weighted = 0;
        double weights = 0;
        for (Entry<String, Integer> dimension : harm.byDimension().entrySet()) {
            double weight = harmWeights.getOrDefault(dimension.getKey(), 1.0);
            weighted += weight * dimension.getValue();
            weights += weight;
        }
        double harmIndex = weights == 0 ? 0 : weighted / weights;
        double risk = harmIndex * like.value();
        double score = risk * pos.factor() * conf.factor();
        Priority priority = priorities.stream()
                .filter(p -> score >= p.minScore())
                .findFirst()
                .orElse(priorities.getLast());
        String highest = harm.byDimension().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(2)
                .map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        String rationale = String.format(
                Locale.ROOT,
                "Harm %.1f of 4 (highest: %s) x likelihood %d (%s) = risk %.1f of 20; organisational position %d (%s,"
                        + " x%.1f) and %s confidence (x%.1f) give score %.1f: %s %s, review every %s.",
                harmIndex,
                highest,
                like.value(),
                like.label().toLowerCase(Locale.ROOT),
                risk,
                pos.value(),
                pos.label().toLowerCase(Locale.ROOT),
                pos.factor(),
                conf.id(),
                conf.factor(),
                score,
                priority.id(),
                priority.label(),
                describe(priority.review()));
        return new RiskAssessment(harmIndex, risk, score, priority, rationale);
    }

    private static ScaleLevel level(List<ScaleLevel> scale, int value, String name) {
        return scale.stream()
                .filter(l -> l.value() == value)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " must be one of "
                        + scale.stream().map(ScaleLevel::value).toList() + ", was " + value));
    }

    private static String describe(Period period) {
        return period.getDays() > 0 && period.getMonths() == 0 ? period.getDays() + " days" : period.toString();
    }
}
