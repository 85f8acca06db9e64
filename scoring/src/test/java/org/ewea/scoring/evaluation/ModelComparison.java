package org.ewea.scoring.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.ewea.scoring.relevance.BinaryMetrics;
import org.ewea.scoring.warning.WarningExamples;
import org.ewea.scoring.warning.WarningFeatures;
import org.ewea.scoring.warning.WarningModel;
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

    /** One model's held-out figures. */
    record Row(String model, double prAuc, double brier) {
    }

    private ModelComparison() {
    }

    static List<Row> compare(List<WarningExamples.Example> examples, long seed, int folds) {
        List<WarningExamples.Example> ordered = new ArrayList<>(examples);
        ordered.sort(Comparator.comparing(WarningExamples.Example::series)
                .thenComparing(WarningExamples.Example::day));
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> foldOf = new HashMap<>();
        ordered.forEach(e -> foldOf.computeIfAbsent(e.series(), s -> random.nextInt(folds)));
        Map<String, Function<List<WarningExamples.Example>, ToDoubleFunction<double[]>>> models =
                new LinkedHashMap<>();
        models.put("logistic regression (L2 0.1, shipped)", train -> {
            WarningModel m = WarningModel.train(WarningFeatures.names(), x(train), y(train), 0.1);
            return m::probability;
        });
        models.put("gradient tree boost (200 trees, depth 4, shrinkage 0.05)", train -> {
            GradientTreeBoost m = GradientTreeBoost.fit(Formula.lhs("y"), frame(x(train), y(train)),
                    new GradientTreeBoost.Options(200, 4, 16, 5, 0.05, 1.0, null, null));
            return row -> posterior(p -> m.predict(frame(new double[][] {row}, new int[] {0}).get(0), p));
        });
        models.put("random forest (300 trees)", train -> {
            long[] seeds = new long[300];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = seed + i;
            }
            RandomForest m = RandomForest.fit(Formula.lhs("y"), frame(x(train), y(train)),
                    new RandomForest.Options(300, 4, SplitRule.GINI, 20, 100, 5, 1.0, null, seeds, null));
            return row -> posterior(p -> m.predict(frame(new double[][] {row}, new int[] {0}).get(0), p));
        });
        List<Row> rows = new ArrayList<>();
        models.forEach((name, fit) -> {
            List<BinaryMetrics.Scored> scored = new ArrayList<>();
            double brier = 0;
            for (int f = 0; f < folds; f++) {
                int fold = f;
                List<WarningExamples.Example> train = ordered.stream().filter(e -> foldOf.get(e.series()) != fold)
                        .toList();
                List<WarningExamples.Example> test = ordered.stream().filter(e -> foldOf.get(e.series()) == fold)
                        .toList();
                if (test.isEmpty() || train.stream().mapToInt(WarningExamples.Example::y).distinct().count() < 2) {
                    continue;
                }
                ToDoubleFunction<double[]> model = fit.apply(train);
                for (WarningExamples.Example e : test) {
                    double p = model.applyAsDouble(e.x());
                    scored.add(new BinaryMetrics.Scored(p, e.y() == 1));
                    brier += (p - e.y()) * (p - e.y());
                }
            }
            rows.add(new Row(name, BinaryMetrics.of(scored, 0.5).prAuc(), scored.isEmpty() ? 0 : brier
                    / scored.size()));
        });
        return rows;
    }

    private static double posterior(java.util.function.Consumer<double[]> predict) {
        double[] p = new double[2];
        predict.accept(p);
        return p[1];
    }

    private static DataFrame frame(double[][] x, int[] y) {
        return DataFrame.of(x, WarningFeatures.names().toArray(String[]::new)).add(new IntVector("y", y));
    }

    private static double[][] x(List<WarningExamples.Example> examples) {
        return examples.stream().map(WarningExamples.Example::x).toArray(double[][]::new);
    }

    private static int[] y(List<WarningExamples.Example> examples) {
        return examples.stream().mapToInt(WarningExamples.Example::y).toArray();
    }
}
