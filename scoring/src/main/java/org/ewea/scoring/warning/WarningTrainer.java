package org.ewea.scoring.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ewea.scoring.relevance.BinaryMetrics;
import smile.classification.LogisticRegression;

/**
 * Trains an early-warning model file from examples: cross-validated metrics first (folds by series, so that the days
 * of one subject never sit on both sides of a fold; fold of a series drawn with the seed), then the model fitted on
 * every example and recalibrated (Platt scaling: a logistic fit of the labels on the log-odds that cross-validation
 * gave each example when it was held out, so the correction is learnt from predictions on unseen subjects; folded
 * into the coefficients, so explanations stay exact). The metrics measure the whole procedure, calibration included:
 * each outer fold's model is calibrated by an inner cross-validation of its own training part. Same examples and
 * seed, same file.
 *
 * @param lambda L2 regularisation of the logistic regression
 * @param folds cross-validation folds
 */
public record WarningTrainer(double lambda, int folds) {

    public static WarningTrainer defaults() {
        return new WarningTrainer(0.1, 5);
    }

    /** What the file says about the training run besides the model and metrics. */
    public record Provenance(
            String id,
            Instant created,
            long seed,
            LocalDate from,
            LocalDate to,
            LocalDate labelsKnownAt,
            int horizonDays,
            String labels,
            String data,
            String methodologyVersion) {}

    public WarningModelFile train(List<WarningExamples.Example> examples, Provenance p) {
        List<WarningExamples.Example> ordered = new ArrayList<>(examples);
        ordered.sort(Comparator.comparing(WarningExamples.Example::series).thenComparing(WarningExamples.Example::day));
        Map<String, Double> metrics = crossValidate(ordered, p.seed());
        Calibration calibration = calibration(ordered, p.seed());
        metrics.put("calibration-slope", round(calibration.slope()));
        metrics.put("calibration-shift", round(calibration.shift()));
        WarningModel model = WarningModel.train(WarningFeatures.names(), x(ordered), y(ordered), lambda)
                .calibrated(calibration.slope(), calibration.shift());
        int positives = (int) ordered.stream().filter(e -> e.y() == 1).count();
        return new WarningModelFile(
                p.id(),
                p.created(),
                p.seed(),
                p.from(),
                p.to(),
                p.labelsKnownAt(),
                p.horizonDays(),
                p.labels(),
                p.data(),
                ordered.size(),
                positives,
                metrics,
                p.methodologyVersion(),
                false,
                model);
    }

    /**
     * A Platt recalibration: calibrated log-odds = {@code slope * log-odds + shift}.
     *
     * @param slope below 1 when the model is over-confident
     * @param shift moves every log-odds alike
     */
    public record Calibration(double slope, double shift) {

        public static final Calibration NONE = new Calibration(1, 0);
    }

    /**
     * The recalibration of a model trained on {@code examples}: fitted on their held-out log-odds (cross-validation
     * by series with the seed). {@link Calibration#NONE} when there are too few held-out examples of either class
     * (fewer than 5) or the fit is not increasing.
     */
    public Calibration calibration(List<WarningExamples.Example> examples, long seed) {
        List<BinaryMetrics.Scored> scored = heldOut(examples, seed);
        long positives = scored.stream().filter(BinaryMetrics.Scored::positive).count();
        if (positives < 5 || scored.size() - positives < 5) {
            return Calibration.NONE;
        }
        double[][] x = new double[scored.size()][1];
        int[] y = new int[scored.size()];
        for (int i = 0; i < scored.size(); i++) {
            double p = Math.min(1 - 1e-9, Math.max(1e-9, scored.get(i).probability()));
            x[i][0] = Math.log(p / (1 - p));
            y[i] = scored.get(i).positive() ? 1 : 0;
        }
        double[] w = LogisticRegression.binomial(x, y, new LogisticRegression.Options(1e-6, 1e-9, 1000))
                .coefficients();
        return w[0] > 0 ? new Calibration(w[0], w[1]) : Calibration.NONE;
    }

    /** A model fitted on {@code train} and recalibrated on its own held-out log-odds, as {@link #train} does. */
    public WarningModel fitCalibrated(List<WarningExamples.Example> train, long seed) {
        Calibration c = calibration(train, seed);
        return WarningModel.train(WarningFeatures.names(), x(train), y(train), lambda)
                .calibrated(c.slope(), c.shift());
    }

    /**
     * PR-AUC, Brier score, log-loss and base rate over the held-out folds of the whole procedure (each fold's model
     * recalibrated by an inner cross-validation of its training part), and the Brier score and log-loss the same
     * folds give before recalibration.
     */
    public Map<String, Double> crossValidate(List<WarningExamples.Example> ordered, long seed) {
        List<BinaryMetrics.Scored> scored = heldOut(ordered, seed, train -> fitCalibrated(train, seed)::probability);
        Map<String, Double> metrics = new TreeMap<>();
        if (scored.isEmpty()) {
            return metrics;
        }
        List<BinaryMetrics.Scored> raw = heldOut(ordered, seed);
        metrics.put("cv-brier-before-calibration", round(brier(raw)));
        double brier = 0;
        double logLoss = 0;
        for (BinaryMetrics.Scored s : scored) {
            int y = s.positive() ? 1 : 0;
            brier += (s.probability() - y) * (s.probability() - y);
            double clipped = Math.min(1 - 1e-12, Math.max(1e-12, s.probability()));
            logLoss -= y == 1 ? Math.log(clipped) : Math.log1p(-clipped);
        }
        int n = scored.size();
        BinaryMetrics m = BinaryMetrics.of(scored, 0.5);
        metrics.put("cv-pr-auc", round(m.prAuc()));
        metrics.put("cv-precision-at-0.5", round(m.precision()));
        metrics.put("cv-recall-at-0.5", round(m.recall()));
        metrics.put("cv-brier", round(brier / n));
        metrics.put("cv-log-loss", round(logLoss / n));
        metrics.put("base-rate", round((double) m.positives() / n));
        return metrics;
    }

    /**
     * The held-out probabilities of cross-validation, folds by series (a series' fold drawn with the seed, in the
     * order series first appear among the examples sorted by series and day).
     */
    public List<BinaryMetrics.Scored> heldOut(List<WarningExamples.Example> examples, long seed) {
        return heldOut(examples, seed, train -> {
            WarningModel model = WarningModel.train(WarningFeatures.names(), x(train), y(train), lambda);
            return model::probability;
        });
    }

    /**
     * As {@link #heldOut(List, long)} for any classifier: {@code fit} trains on a fold's training examples and
     * answers the probability of a feature row. Folds whose training part has one class only are skipped.
     */
    public List<BinaryMetrics.Scored> heldOut(
            List<WarningExamples.Example> examples,
            long seed,
            Function<List<WarningExamples.Example>, ToDoubleFunction<double[]>> fit) {
        List<WarningExamples.Example> ordered = new ArrayList<>(examples);
        ordered.sort(Comparator.comparing(WarningExamples.Example::series).thenComparing(WarningExamples.Example::day));
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> foldOf = new HashMap<>();
        ordered.forEach(e -> foldOf.computeIfAbsent(e.series(), s -> random.nextInt(folds)));
        List<BinaryMetrics.Scored> scored = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            int fold = f;
            List<WarningExamples.Example> train =
                    ordered.stream().filter(e -> foldOf.get(e.series()) != fold).toList();
            List<WarningExamples.Example> test =
                    ordered.stream().filter(e -> foldOf.get(e.series()) == fold).toList();
            if (test.isEmpty()
                    || train.stream()
                                    .mapToInt(WarningExamples.Example::y)
                                    .distinct()
                                    .count()
                            < 2) {
                continue;
            }
            ToDoubleFunction<double[]> model = fit.apply(train);
            for (WarningExamples.Example e : test) {
                scored.add(new BinaryMetrics.Scored(model.applyAsDouble(e.x()), e.y() == 1));
            }
        }
        return scored;
    }

    /** The examples' feature rows. */
    public static double[][] x(List<WarningExamples.Example> examples) {
        return examples.stream().map(WarningExamples.Example::x).toArray(double[][]::new);
    }

    /** The examples' labels. */
    public static int[] y(List<WarningExamples.Example> examples) {
        return examples.stream().mapToInt(WarningExamples.Example::y).toArray();
    }

    /** Mean squared difference between probability and outcome. */
    public static double brier(List<BinaryMetrics.Scored> scored) {
        return scored.stream()
                .mapToDouble(
                        s -> (s.probability() - (s.positive() ? 1 : 0)) * (s.probability() - (s.positive() ? 1 : 0)))
                .average()
                .orElse(Double.NaN);
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}
