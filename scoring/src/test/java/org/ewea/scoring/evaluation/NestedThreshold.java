package org.ewea.scoring.evaluation;

import java.util.List;
import org.ewea.scoring.relevance.BinaryMetrics;
import org.ewea.scoring.relevance.LabelledExample;
import org.ewea.scoring.relevance.RelevanceModel;
import org.ewea.scoring.relevance.StratifiedCrossValidation;

/**
 * Relevance with its decision threshold chosen by nested cross-validation: in each outer fold (5, stratified, seed
 * 42) the threshold with the best F1 over an inner 4-fold cross-validation of the training part only is applied to
 * the held-out part, so no held-out example ever influences its own threshold.
 */
final class NestedThreshold {

    /** The outer figures. */
    record Result(BinaryMetrics metrics, double meanThreshold) {}

    private NestedThreshold() {}

    static Result evaluate(List<LabelledExample> examples, long seed) {
        double[] thresholds = new double[1];
        int[] folds = new int[1];
        List<BinaryMetrics.Scored> outer = StratifiedCrossValidation.run(examples, 5, seed, training -> {
            List<BinaryMetrics.Scored> inner = StratifiedCrossValidation.run(training, 4, seed + 1, innerTraining -> {
                RelevanceModel m = RelevanceModel.train(innerTraining, RelevanceModel.DEFAULT_OPTIONS);
                return e -> m.probability(e.features());
            });
            double threshold = bestF1(inner);
            thresholds[0] += threshold;
            folds[0]++;
            RelevanceModel model = RelevanceModel.train(training, RelevanceModel.DEFAULT_OPTIONS);
            // decisions at the chosen threshold, as probabilities shifted so that 0.5 is the threshold
            return e -> {
                double p = model.probability(e.features());
                return p >= threshold
                        ? 0.5 + (p - threshold) / (2 * (1 - threshold) + 1e-12)
                        : 0.5 * p / Math.max(threshold, 1e-12);
            };
        });
        return new Result(BinaryMetrics.of(outer, 0.5), thresholds[0] / folds[0]);
    }

    static double bestF1(List<BinaryMetrics.Scored> scored) {
        double best = 0.5;
        double bestF1 = -1;
        for (int t = 5; t <= 95; t++) {
            double f1 = BinaryMetrics.of(scored, t / 100.0).f1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t / 100.0;
            }
        }
        return best;
    }
}
