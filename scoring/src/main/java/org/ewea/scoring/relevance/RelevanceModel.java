package org.ewea.scoring.relevance;

import java.util.ArrayList;
import java.util.List;
import smile.classification.LogisticRegression;
import smile.classification.SparseLogisticRegression;
import smile.data.SampleInstance;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * Threat relevance as a probability: L2-regularised logistic regression (Smile) over {@link RelevanceFeatures},
 * trained with the classes balanced (each positive repeated so that positives and negatives weigh alike, the usual
 * remedy when relevant items are a small minority). Training is deterministic for the same examples in the same
 * order.
 */
public final class RelevanceModel {

    /** Regularisation, tolerance and iterations used unless given. */
    public static final LogisticRegression.Options DEFAULT_OPTIONS = new LogisticRegression.Options(0.001, 1e-5, 500);

    private final SparseLogisticRegression.Binomial model;

    private RelevanceModel(SparseLogisticRegression.Binomial model) {
        this.model = model;
    }

    public static RelevanceModel train(List<LabelledExample> examples, LogisticRegression.Options options) {
        long positives = examples.stream().filter(LabelledExample::relevant).count();
        long negatives = examples.size() - positives;
        int repeat = positives == 0 ? 1 : (int) Math.max(1, Math.round((double) negatives / positives));
        List<SampleInstance<SparseArray, Integer>> rows = new ArrayList<>(examples.size());
        for (LabelledExample e : examples) {
            for (int i = 0; i < (e.relevant() ? repeat : 1); i++) {
                rows.add(new SampleInstance<>(e.features(), e.relevant() ? 1 : 0));
            }
        }
        return new RelevanceModel(
                SparseLogisticRegression.binomial(new SparseDataset<>(rows, RelevanceFeatures.DIMENSIONS), options));
    }

    /** The model as its non-zero weights, to store and ship (see {@link RelevanceWeights}). */
    public RelevanceWeights weights(String id) {
        double[] w = model.coefficients(); // Smile: w[0..p-1] weights, w[p] the intercept
        int nonZero = 0;
        for (int j = 0; j < RelevanceFeatures.DIMENSIONS; j++) {
            nonZero += (float) w[j] != 0 ? 1 : 0;
        }
        int[] indices = new int[nonZero];
        float[] values = new float[nonZero];
        int k = 0;
        for (int j = 0; j < RelevanceFeatures.DIMENSIONS; j++) {
            if ((float) w[j] != 0) {
                indices[k] = j;
                values[k++] = (float) w[j];
            }
        }
        return new RelevanceWeights(id, RelevanceFeatures.DIMENSIONS, w[RelevanceFeatures.DIMENSIONS], indices, values);
    }

    /** The probability that the item is threat-relevant. */
    public double probability(SparseArray features) {
        double[] posteriori = new double[2];
        model.predict(features, posteriori);
        return posteriori[1];
    }
}
