package org.ewea.scoring.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.ewea.scoring.relevance.BinaryMetrics;
import org.ewea.scoring.relevance.CtiAnnRelevanceEvaluationTests;
import org.ewea.scoring.relevance.LabelledExample;
import org.ewea.scoring.relevance.RelevanceModel;
import org.ewea.scoring.relevance.StratifiedCrossValidation;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.util.SparseArray;

/**
 * Issue 5's model comparison for item relevance: Smile logistic regression (the shipped model, over all 2^18 hashed
 * dimensions), gradient tree boosting and random forest, on the same stratified folds (seed 42). Tree models cannot
 * take 2^18 sparse columns, so each is given the {@value #TREE_FEATURES} dimensions most often present in its own
 * training part (chosen without labels and without the held-out part), as dense columns. Tree models are fitted
 * deterministically (GBT without subsampling, RF with one fixed seed per tree).
 */
final class RelevanceComparison {

    static final int TREE_FEATURES = 1000;

    /** One model's held-out figures at threshold 0.5, with PR-AUC. */
    record Row(String model, BinaryMetrics metrics) {}

    private RelevanceComparison() {}

    static List<Row> compare(List<LabelledExample> examples, long seed, int folds) {
        Map<String, Function<List<LabelledExample>, ToDoubleFunction<LabelledExample>>> models = new LinkedHashMap<>();
        models.put("logistic regression (all hashed features, shipped)", training -> {
            RelevanceModel model = RelevanceModel.train(training, RelevanceModel.DEFAULT_OPTIONS);
            return e -> model.probability(e.features());
        });
        models.put(
                "gradient tree boost (300 trees, 8 leaves, shrinkage 0.1; top " + TREE_FEATURES + " features)",
                training -> {
                    int[] columns = frequentColumns(training);
                    GradientTreeBoost m = GradientTreeBoost.fit(
                            Formula.lhs("y"),
                            frame(training, columns),
                            new GradientTreeBoost.Options(300, 20, 8, 5, 0.1, 1.0, null, null));
                    return e ->
                            posterior(p -> m.predict(frame(List.of(e), columns).get(0), p));
                });
        models.put("random forest (300 trees; top " + TREE_FEATURES + " features)", training -> {
            int[] columns = frequentColumns(training);
            long[] seeds = new long[300];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = seed + i;
            }
            RandomForest m = RandomForest.fit(
                    Formula.lhs("y"),
                    frame(training, columns),
                    new RandomForest.Options(
                            300,
                            (int) Math.sqrt(columns.length),
                            SplitRule.GINI,
                            20,
                            500,
                            2,
                            1.0,
                            balancedWeights(training),
                            seeds,
                            null));
            return e -> posterior(p -> m.predict(frame(List.of(e), columns).get(0), p));
        });
        List<Row> rows = new ArrayList<>();
        models.forEach((name, fit) -> rows.add(
                new Row(name, BinaryMetrics.of(StratifiedCrossValidation.run(examples, folds, seed, fit), 0.5))));
        return rows;
    }

    /** Class weights that make positives and negatives weigh alike, as the logistic regression's repetition does. */
    private static int[] balancedWeights(List<LabelledExample> training) {
        long positives = training.stream().filter(LabelledExample::relevant).count();
        int ratio = (int) Math.max(1, Math.round((double) (training.size() - positives) / Math.max(1, positives)));
        return new int[] {1, ratio};
    }

    /** The dimensions present in most training examples (ties by index), ascending. */
    static int[] frequentColumns(List<LabelledExample> training) {
        Map<Integer, Integer> df = new HashMap<>();
        for (LabelledExample e : training) {
            for (SparseArray.Entry entry : e.features()) {
                df.merge(entry.index(), 1, Integer::sum);
            }
        }
        return df.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TREE_FEATURES)
                .mapToInt(Map.Entry::getKey)
                .sorted()
                .toArray();
    }

    private static DataFrame frame(List<LabelledExample> examples, int[] columns) {
        double[][] x = new double[examples.size()][columns.length];
        int[] y = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            for (SparseArray.Entry entry : examples.get(i).features()) {
                int j = Arrays.binarySearch(columns, entry.index());
                if (j >= 0) {
                    x[i][j] = entry.value();
                }
            }
            y[i] = examples.get(i).relevant() ? 1 : 0;
        }
        String[] names = IntStream.range(0, columns.length)
                .mapToObj(j -> "f" + columns[j])
                .toArray(String[]::new);
        return DataFrame.of(x, names).add(new IntVector("y", y));
    }

    private static double posterior(Consumer<double[]> predict) {
        double[] p = new double[2];
        predict.accept(p);
        return p[1];
    }

    /** Runs the comparison alone: {@code <corpus>}. */
    public static void main(String[] args) throws Exception {
        List<LabelledExample> examples = CtiAnnRelevanceEvaluationTests.examples(
                Path.of(args[0]).resolve("cti-ann-x-annotated/X-Annotated-Dataset.csv"));
        for (Row row : compare(examples, 42L, 5)) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: P %.3f R %.3f F1 %.3f PR-AUC %.3f%n",
                    row.model(),
                    row.metrics().precision(),
                    row.metrics().recall(),
                    row.metrics().f1(),
                    row.metrics().prAuc());
        }
    }
}
