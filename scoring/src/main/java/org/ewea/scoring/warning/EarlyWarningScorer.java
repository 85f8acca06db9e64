package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.risk.RiskAssessment;
import org.ewea.methodology.taxonomy.Technology;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.EarlyWarningScore.Explanation;
import org.ewea.scoring.warning.EarlyWarningScore.Term;
import org.jspecify.annotations.Nullable;

/**
 * Scores every series mentioned in the 28 days up to a day: the model's probability from the series' window, its
 * stage from the stage rules, and its priority from the risk matrix, where
 * <ul>
 *   <li>harm is the technology's harm profile (for a CVE that of {@code exploit-markets}, for ATT&CK groups and
 *       software that of {@code crime-as-a-service}, until an analyst assesses it);</li>
 *   <li>likelihood (1-5) is the larger of the score's band (below 0.1, 0.25, 0.5, 0.75, above) and the stage's
 *       floor (emerging 3, established 4);</li>
 *   <li>the organisational position is "partly placed" (2) until an analyst says otherwise;</li>
 *   <li>confidence is high with 5 or more sources of mean grade weight 0.6 or more, medium with 2 or more sources,
 *       else low.</li>
 * </ul>
 * A subject an authoritative source has reported (a CVE in an item of the CISA KEV feed, say) is no longer a warning
 * but a known threat: its score is 1, its likelihood at least 4, and the explanation says since when; the model's
 * own reading of its signal is kept beside. Ranked by score, then risk. All calls block (they read the signal
 * series).
 */
public final class EarlyWarningScorer {

    /** A series is scored when it was mentioned in this many days up to the day. */
    public static final int ACTIVE_DAYS = 28;

    private static final int POSITION = 2;

    private final SignalRepository signals;
    private final Methodology methodology;
    private final WarningFeatures features;
    private final StageTracker stages;
    private final Set<String> authoritativeSources;

    /**
     * @param authoritativeSources catalogue ids of sources whose mention makes a subject authoritative (their items
     *     are the record, e.g. the CISA KEV feed)
     */
    public EarlyWarningScorer(
            SignalRepository signals, Methodology methodology, BurstDetector bursts, Set<String> authoritativeSources) {
        this.signals = signals;
        this.authoritativeSources = Set.copyOf(authoritativeSources);
        this.methodology = methodology;
        this.features = new WarningFeatures(bursts);
        this.stages = new StageTracker(methodology.stages(), bursts);
    }

    /**
     * The scores as a reader with {@code clearance} may see them: every series, count, source and stage read from the
     * items they may read only, exactly as on a store holding only those items.
     */
    public EarlyWarningScorer readBy(Clearance clearance) {
        return new EarlyWarningScorer(signals.readBy(clearance), methodology, features, stages, authoritativeSources);
    }

    private EarlyWarningScorer(
            SignalRepository signals,
            Methodology methodology,
            WarningFeatures features,
            StageTracker stages,
            Set<String> authoritativeSources) {
        this.signals = signals;
        this.methodology = methodology;
        this.features = features;
        this.stages = stages;
        this.authoritativeSources = authoritativeSources;
    }

    /** Every series active in the 28 days up to {@code asOf}, scored with {@code model}, best first. */
    public List<EarlyWarningScore> score(LocalDate asOf, WarningModelFile model) {
        Map<String, List<SignalPoint>> history =
                signals.active(asOf.minusWeeks(StageTracker.WEEKS).minusDays(SeriesWindow.DAYS), asOf);
        List<SignalPoint> all = history.getOrDefault(SignalRepository.ALL_ITEMS, List.of());
        // over the whole store, not just the weeks read: a CVE listed two years ago is still a known threat
        Map<String, LocalDate> authoritative = new HashMap<>(signals.firstMentionedBy(authoritativeSources));
        // a technology is known from the day authorities first warned of it (authority-warnings.yaml), or from an
        // authoritative source's first mention if that came earlier: the earlier of the two, whichever the day
        methodology
                .authorityWarnings()
                .firstDays()
                .forEach((series, day) -> authoritative.merge(series, day, (a, b) -> a.isBefore(b) ? a : b));
        authoritative.values().removeIf(day -> day.isAfter(asOf));
        List<EarlyWarningScore> scores = new ArrayList<>();
        history.forEach((series, points) -> {
            if (!series.equals(SignalRepository.ALL_ITEMS)) {
                SeriesWindow w = window(series, asOf, points, all);
                if (w.count(ACTIVE_DAYS) > 0) {
                    scores.add(score(w, points, all, model, authoritative.get(series)));
                }
            }
        });
        scores.sort(Comparator.comparingDouble(EarlyWarningScore::score)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(EarlyWarningScore::riskScore).reversed())
                .thenComparing(EarlyWarningScore::series));
        return scores;
    }

    /** The window of a series as the scorer reads it: first seen is its first mention in the history given. */
    public static SeriesWindow window(String series, LocalDate asOf, List<SignalPoint> points, List<SignalPoint> all) {
        return new SeriesWindow(series, asOf, points, all, null);
    }

    private EarlyWarningScore score(
            SeriesWindow w,
            List<SignalPoint> points,
            List<SignalPoint> all,
            WarningModelFile file,
            @Nullable LocalDate authoritative) {
        WarningModel model = file.model();
        double[] x = features.values(w);
        double modelProbability = model.probability(x);
        double probability = authoritative == null ? modelProbability : 1.0;
        List<Term> terms = new ArrayList<>();
        for (WarningModel.Contribution c : model.contributions(x).subList(0, Math.min(5, x.length))) {
            int index = WarningFeatures.names().indexOf(c.feature());
            terms.add(new Term(
                    c.feature(),
                    c.value(),
                    model.means()[model.features().indexOf(c.feature())],
                    c.logOdds(),
                    WarningFeatures.describe(index, c.value(), w)));
        }
        String kind =
                w.series().contains(":") ? w.series().substring(0, w.series().indexOf(':')) : "technology";
        StageReading stage = known(stages.read(w.series(), w.asOf(), points, all), kind, w.series(), authoritative);
        String label = kind.equals("technology")
                ? methodology.taxonomy().find(w.series()).map(Technology::name).orElse(w.series())
                : w.series().substring(kind.length() + 1);
        int likelihood = authoritative == null
                ? likelihood(probability, stage.stage())
                : Math.max(4, likelihood(probability, stage.stage()));
        int sources = w.sources(28);
        double grade = w.count(28) == 0 ? 0 : w.weighted(28) / w.count(28);
        String confidence = sources >= 5 && grade >= 0.6 ? "high" : sources >= 2 ? "medium" : "low";
        RiskAssessment risk = methodology
                .riskMatrix()
                .assess(SubjectHarm.of(methodology, kind, w.series()), likelihood, POSITION, confidence);
        Term top = terms.getFirst();
        String reading = String.format(
                Locale.ROOT,
                "%s (%s) %s it most.",
                top.words(),
                top.feature(),
                top.logOdds() >= 0 ? "raises" : "lowers");
        String summary = authoritative != null && kind.equals("technology")
                ? String.format(
                        Locale.ROOT,
                        "%s: a known threat, authorities warned of it by %s (%s); the model alone"
                                + " would give %.0f%%: %s",
                        label,
                        authoritative,
                        methodology
                                .authorityWarnings()
                                .first(w.series())
                                .map(a -> a.authority())
                                .orElse("authority-warnings.yaml"),
                        100 * modelProbability,
                        reading)
                : authoritative != null
                        ? String.format(
                                Locale.ROOT,
                                "%s: already an authoritative threat, reported by an authoritative source"
                                        + " on %s; the model alone would give %.0f%%: %s",
                                label,
                                authoritative,
                                100 * modelProbability,
                                reading)
                        : String.format(
                                Locale.ROOT,
                                "%s: %.0f%% chance of becoming an authoritative threat within %d days; %s",
                                label,
                                100 * probability,
                                file.horizonDays(),
                                reading);
        String likelihoodWords = String.format(
                Locale.ROOT,
                "%d: score band %d, stage %s floor %d%s",
                likelihood,
                band(probability),
                stage.stage(),
                stageFloor(stage.stage()),
                authoritative == null ? "" : ", authoritative floor 4");
        return new EarlyWarningScore(
                w.series(),
                kind,
                label,
                probability,
                authoritative,
                stage,
                risk.priority().id(),
                risk.priority().label(),
                risk.score(),
                new Explanation(
                        summary,
                        modelProbability,
                        model.intercept(),
                        featureValues(x),
                        terms,
                        likelihoodWords,
                        risk.rationale()),
                w.count(28),
                firstSeen(points, w.asOf()),
                w.asOf(),
                methodology.versionId(),
                file.id());
    }

    /**
     * A technology authorities had warned of is known: never a weak signal, however new it is to the collection (a
     * store that started last month has seen everything for a month). Its weak-signal reading becomes established
     * since the warning, saying why; the other stages stand.
     */
    private StageReading known(StageReading read, String kind, String series, @Nullable LocalDate authoritative) {
        if (authoritative == null || !kind.equals("technology") || !read.stage().equals("weak-signal")) {
            return read;
        }
        String who = methodology
                .authorityWarnings()
                .first(series)
                .map(a -> a.authority() + ", " + a.dateText() + ": " + a.title())
                .orElse(authoritative.toString());
        return new StageReading(
                "established",
                authoritative,
                "authorities warned of it (" + who + "): a known"
                        + " threat, not a weak signal, although the collection has read it as one since "
                        + read.since(),
                read.indicators());
    }

    private static @Nullable LocalDate firstSeen(List<SignalPoint> points, LocalDate asOf) {
        return points.stream()
                .filter(p -> p.count() > 0 && !p.day().isAfter(asOf))
                .map(SignalPoint::day)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private static Map<String, Double> featureValues(double[] x) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> names = WarningFeatures.names();
        for (int j = 0; j < names.size(); j++) {
            values.put(names.get(j), x[j]);
        }
        return values;
    }

    static int likelihood(double probability, String stage) {
        return Math.max(band(probability), stageFloor(stage));
    }

    private static int band(double probability) {
        return probability < 0.1 ? 1 : probability < 0.25 ? 2 : probability < 0.5 ? 3 : probability < 0.75 ? 4 : 5;
    }

    private static int stageFloor(String stage) {
        return switch (stage) {
            case "emerging" -> 3;
            case "established" -> 4;
            default -> 1;
        };
    }
}
