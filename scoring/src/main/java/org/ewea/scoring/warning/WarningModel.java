package org.ewea.scoring.warning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import smile.classification.LogisticRegression;

/**
 * The early-warning model: logistic regression over standardised {@link WarningFeatures} (Smile, L2-regularised),
 * kept as its numbers so that it can be stored, shipped and read without Smile. Logistic regression fitted by
 * maximum likelihood on the natural class balance gives probabilities that are calibrated on its training data (the
 * model file records the Brier score from cross-validation); each score is explained exactly by its terms
 * {@code coefficient * z} on the log-odds scale, where {@code z = (x - mean) / scale} is clipped to
 * [-{@value #CLIP}, {@value #CLIP}] in training and scoring alike: a value far outside anything seen in training (one
 * source being all the active sources of a tiny install, say) is read as the most extreme value the model knows,
 * not extrapolated into certainty.
 *
 * @param features feature names, in order
 * @param means training means
 * @param scales training standard deviations (1 where a feature did not vary)
 * @param coefficients per standardised feature
 * @param intercept log-odds of a series at the training means
 */
public record WarningModel(
        List<String> features, double[] means, double[] scales, double[] coefficients, double intercept) {

    /** Standardised values are clipped to this many training standard deviations either side of the mean. */
    public static final double CLIP = 4;

    public WarningModel {
        features = List.copyOf(features);
        int p = features.size();
        if (means.length != p || scales.length != p || coefficients.length != p) {
            throw new IllegalArgumentException("a model needs one mean, scale and coefficient per feature");
        }
        means = means.clone();
        scales = scales.clone();
        coefficients = coefficients.clone();
    }

    /** Feature {@code j} of {@code x} standardised and clipped. */
    public double z(double[] x, int j) {
        return clip((x[j] - means[j]) / scales[j]);
    }

    private static double clip(double z) {
        return Math.max(-CLIP, Math.min(CLIP, z));
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WarningModel m
                && features.equals(m.features)
                && Arrays.equals(means, m.means)
                && Arrays.equals(scales, m.scales)
                && Arrays.equals(coefficients, m.coefficients)
                && Double.compare(intercept, m.intercept) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                features, Arrays.hashCode(means), Arrays.hashCode(scales), Arrays.hashCode(coefficients), intercept);
    }

    @Override
    public String toString() {
        return "WarningModel[features=" + features + ", coefficients=" + Arrays.toString(coefficients) + ", intercept="
                + intercept + "]";
    }

    /** One feature's part in a score. */
    public record Contribution(String feature, double value, double logOdds) {}

    /**
     * Fits the model. Deterministic: Smile's binomial logistic regression is solved by L-BFGS from zero.
     *
     * @param x one row of {@link WarningFeatures} values per example
     * @param y 1 when the subject became authoritative within the horizon, else 0
     * @param lambda L2 regularisation
     */
    public static WarningModel train(List<String> features, double[][] x, int[] y, double lambda) {
        int p = features.size();
        if (x.length == 0 || Arrays.stream(y).distinct().count() < 2) {
            throw new IllegalArgumentException("training needs examples of both classes (" + x.length + " example(s), "
                    + Arrays.stream(y).sum() + " positive)");
        }
        double[] means = new double[p];
        double[] scales = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                means[j] += row[j] / x.length;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / x.length;
            }
        }
        for (int j = 0; j < p; j++) {
            scales[j] = scales[j] > 1e-12 ? Math.sqrt(scales[j]) : 1;
        }
        double[][] z = new double[x.length][p];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = clip((x[i][j] - means[j]) / scales[j]);
            }
        }
        LogisticRegression.Binomial fit =
                LogisticRegression.binomial(z, y, new LogisticRegression.Options(lambda, 1e-6, 1000));
        double[] w = fit.coefficients(); // Smile: w[0..p-1] weights, w[p] the intercept
        return new WarningModel(features, means, scales, Arrays.copyOf(w, p), w[p]);
    }

    /**
     * This model recalibrated (Platt): log-odds {@code slope * logOdds + shift}. Folded into the coefficients and the
     * intercept, so that a calibrated score is still explained exactly by its terms.
     */
    public WarningModel calibrated(double slope, double shift) {
        double[] scaled = new double[coefficients.length];
        for (int j = 0; j < scaled.length; j++) {
            scaled[j] = slope * coefficients[j];
        }
        return new WarningModel(features, means, scales, scaled, slope * intercept + shift);
    }

    public double logOdds(double[] x) {
        double s = intercept;
        for (int j = 0; j < coefficients.length; j++) {
            s += coefficients[j] * z(x, j);
        }
        return s;
    }

    /** The probability that the subject becomes an authoritative threat within the horizon. */
    public double probability(double[] x) {
        return 1 / (1 + Math.exp(-logOdds(x)));
    }

    /** Every feature's term of the log-odds, largest effect first (they sum with the intercept to the log-odds). */
    public List<Contribution> contributions(double[] x) {
        List<Contribution> terms = new ArrayList<>(coefficients.length);
        for (int j = 0; j < coefficients.length; j++) {
            terms.add(new Contribution(features.get(j), x[j], coefficients[j] * z(x, j)));
        }
        terms.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.logOdds())));
        return terms;
    }
}
