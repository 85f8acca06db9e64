package org.ewea.scoring.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalRepository;

/**
 * The service's {@code train} command: an early-warning model from the install's own signal series, labelled by its
 * authoritative sources (a tracked entity is positive on a day when an authoritative source first reports it within
 * the horizon after it) and, for ATT&CK groups and software, by the day ATT&CK created their entry. Only labels known on the training day are read, and only days whose whole horizon has
 * passed give examples. The file is stored unapproved: scores keep using the current model until an analyst
 * approves it.
 */
public final class ModelTraining {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final SignalRepository signals;
    private final Methodology methodology;
    private final WarningFeatures features;
    private final WarningTrainer trainer;
    private final Set<String> authoritativeSources;
    private final Supplier<Map<String, LocalDate>> analystLabels;
    private final Map<String, LocalDate> referenceCreated;

    /** As the full constructor, with no reference dates. */
    public ModelTraining(
            SignalRepository signals,
            Methodology methodology,
            BurstDetector bursts,
            WarningTrainer trainer,
            Set<String> authoritativeSources,
            Supplier<Map<String, LocalDate>> analystLabels) {
        this(signals, methodology, bursts, trainer, authoritativeSources, analystLabels, Map.of());
    }

    /**
     * @param analystLabels subjects analysts judged relevant threats (alert feedback), each with the day of the
     *     signals they judged: positives from that day, like an authoritative report (the earlier of the two wins)
     * @param referenceCreated the day a reference record created each subject's entry, by series id (ATT&CK's
     *     {@code created} for {@code attack-group:G1024}): positives from that day too
     */
    public ModelTraining(
            SignalRepository signals,
            Methodology methodology,
            BurstDetector bursts,
            WarningTrainer trainer,
            Set<String> authoritativeSources,
            Supplier<Map<String, LocalDate>> analystLabels,
            Map<String, LocalDate> referenceCreated) {
        this.analystLabels = analystLabels;
        this.referenceCreated = Map.copyOf(referenceCreated);
        this.signals = signals;
        this.methodology = methodology;
        this.features = new WarningFeatures(bursts);
        this.trainer = trainer;
        this.authoritativeSources = Set.copyOf(authoritativeSources);
    }

    /**
     * @param from first scoring day of the examples
     * @param to last scoring day (at most {@code horizonDays} before the day of {@code now})
     * @param horizonDays the label horizon
     * @param seed the cross-validation seed
     * @param now when training runs: labels known on its day are used
     * @throws IllegalArgumentException when the range is not usable or the examples cannot train a model
     */
    public WarningModelFile train(LocalDate from, LocalDate to, int horizonDays, long seed, Instant now) {
        LocalDate knownAt = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (to.plusDays(horizonDays).isAfter(knownAt)) {
            throw new IllegalArgumentException("to (" + to + ") must be at least " + horizonDays
                    + " days before today (" + knownAt + ") so that every label is known");
        }
        if (authoritativeSources.isEmpty() && referenceCreated.isEmpty()) {
            throw new IllegalArgumentException("no authoritative sources are configured"
                    + " (EWEA_SCORING_AUTHORITATIVE_SOURCES) and no ATT&CK data (EWEA_COLLECTORS_ATTACK_DATA):"
                    + " there are no labels to learn from");
        }
        Map<String, LocalDate> dates = new HashMap<>(
                authoritativeSources.isEmpty() ? Map.of() : signals.firstMentionedBy(authoritativeSources));
        Map<String, LocalDate> judged = analystLabels.get();
        judged.forEach((series, day) -> dates.merge(series, day, (a, b) -> a.isBefore(b) ? a : b));
        referenceCreated.forEach((series, day) -> dates.merge(series, day, (a, b) -> a.isBefore(b) ? a : b));
        AuthoritativeDates labels = new AuthoritativeDates(
                dates,
                "first mention by an authoritative source ("
                        + String.join(
                                ", ", authoritativeSources.stream().sorted().toList()) + ")"
                        + (referenceCreated.isEmpty()
                                ? ""
                                : " or the creation of its" + " ATT&CK entry (" + referenceCreated.size()
                                        + " groups and software)")
                        + (judged.isEmpty()
                                ? ""
                                : " or an analyst's verdict 'relevant'" + " on an alert (" + judged.size()
                                        + " subject(s))"));
        List<WarningExamples.Example> examples = new WarningExamples(features, horizonDays, horizonDays)
                .build(signals, from, to, labels, knownAt, series -> series.contains(":"));
        long positives = examples.stream().filter(e -> e.y() == 1).count();
        if (positives < trainer.folds() || examples.size() - positives < trainer.folds()) {
            throw new IllegalArgumentException("too few labelled examples between " + from + " and " + to + ": "
                    + examples.size() + " example(s), " + positives + " positive; cross-validation needs at least "
                    + trainer.folds() + " of each class (an entity mentioned by other sources before an"
                    + " authoritative source reported it is a positive)");
        }
        String id = "ew-" + ID_TIME.format(now) + "-" + seed;
        return trainer.train(
                examples,
                new WarningTrainer.Provenance(
                        id,
                        now,
                        seed,
                        from,
                        to,
                        knownAt,
                        horizonDays,
                        labels.source() + ", label: reported within " + horizonDays + " days of the scoring day",
                        "this install's signal series",
                        methodology.versionId()));
    }
}
