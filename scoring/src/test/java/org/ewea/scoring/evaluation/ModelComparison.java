package org.ewea.scoring.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ewea.scoring.relevance.BinaryMetrics;
import org.ewea.scoring.warning.WarningExamples;
import org.ewea.scoring.warning.WarningFeatures;
import org.ewea.scoring.warning.WarningModel;
import org.ewea.scoring.warning.WarningTrainer;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Issue 5's model comparison for the early-warning score: Smile logistic regression, gradient tree boosting and
 * random forest, cross-validated on the same folds (by series, drawn with the seed), by PR-AUC and Brier score. Tree
 * models are fitted deterministically (GBT without subsampling, RF with one fixed seed per tree).
 */
final class ModelComparison {

    /** One model's held-out figures, with its reliability table. */
    record Row(String model, double prAuc, double brier, List<Bin> reliability) {}

    /**
     * Held-out examples whose predicted probability fell in [from, to): how many, the mean prediction and the share
     * that were positive. A calibrated model has the two close in every bin.
     */
    record Bin(double from, double to, int examples, double meanPredicted, double observed) {}

    static final double[] EDGES = {0, 0.02, 0.05, 0.1, 0.2, 0.4, 1.0000001};

    static List<Bin> reliability(List<BinaryMetrics.Scored> scored) {
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b + 1 < EDGES.length; b++) {
            double from = EDGES[b];
            double to = EDGES[b + 1];
            List<BinaryMetrics.Scored> in = scored.stream()
                    .filter(s -> s.probability() >= from && s.probability() < to)
                    .toList();
            bins.add(new Bin(
                    from,
                    Math.min(1, to),
                    in.size(),
                    in.stream()
                            .mapToDouble(BinaryMetrics.Scored::probability)
                            .average()
                            .orElse(Double.NaN),
                    in.stream().mapToDouble(s -> s.positive() ? 1 : 0).average().orElse(Double.NaN)));
        }
        return bins;
    }

    private ModelComparison() {}

    static List<Row> compare(List<WarningExamples.Example> examples, long seed, int folds) {
        Map<String, Function<List<WarningExamples.Example>, ToDoubleFunction<double[]>>> models = new LinkedHashMap<>();
        WarningTrainer trainer = new WarningTrainer(0.1, folds);
        models.put(
                "logistic regression (L2 0.1), recalibrated (shipped)",
                train -> trainer.fitCalibrated(train, seed)::probability);
        models.put("logistic regression (L2 0.1), before recalibration", train -> {
            WarningModel m =
                    WarningModel.train(WarningFeatures.names(), WarningTrainer.x(train), WarningTrainer.y(train), 0.1);
            return m::probability;
        });
        models.put("gradient tree boost (200 trees, depth 4, shrinkage 0.05)", train -> {
            GradientTreeBoost m = GradientTreeBoost.fit(
                    Formula.lhs("y"),
                    frame(WarningTrainer.x(train), WarningTrainer.y(train)),
                    new GradientTreeBoost.Options(200, 4, 16, 5, 0.05, 1.0, null, null));
            return row -> posterior(p ->
                    m.predict(frame(new double[][] {row}, new int[] {0}).get(0), p));
        });
        models.put("random forest (300 trees)", train -> {
            long[] seeds = new long[300];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = seed + i;
            }
            RandomForest m = RandomForest.fit(
                    Formula.lhs("y"),
                    frame(WarningTrainer.x(train), WarningTrainer.y(train)),
                    new RandomForest.Options(300, 4, SplitRule.GINI, 20, 100, 5, 1.0, null, seeds, null));
            return row -> posterior(p ->
                    m.predict(frame(new double[][] {row}, new int[] {0}).get(0), p));
        });
        List<Row> rows = new ArrayList<>();
        models.forEach((name, fit) -> {
            List<BinaryMetrics.Scored> scored = trainer.heldOut(examples, seed, fit);
            rows.add(new Row(
                    name, BinaryMetrics.of(scored, 0.5).prAuc(), WarningTrainer.brier(scored), reliability(scored)));
        });
        return rows;
    }

    private static double posterior(Consumer<double[]> predict) {
        double[] p = new double[2];
        predict.accept(p);
        return p[1];
    }

    private static DataFrame frame(double[][] x, int[] y) {
        return DataFrame.of(x, WarningFeatures.names().toArray(String[]::new)).add(new IntVector("y", y));
    }
}
