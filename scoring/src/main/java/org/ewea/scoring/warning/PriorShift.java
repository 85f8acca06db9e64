package org.ewea.scoring.warning;

/**
 * Adjusts a model's probabilities to a new base rate, estimated from the model's own outputs on unlabelled data by
 * expectation-maximisation (Saerens, Latinne and Decaestecker, "Adjusting the outputs of a classifier to new a
 * priori probabilities", Neural Computation 14(1), 2002). A model trained where a quarter of the examples were
 * positive overstates every probability where one in twenty-five is; this brings its probabilities back in line
 * without a single new label.
 *
 * @param trainingRate the positive rate of the training examples
 * @param rate the base rate of the data the probabilities are used on
 */
public record PriorShift(double trainingRate, double rate) {

    public PriorShift {
        if (!(trainingRate > 0 && trainingRate < 1 && rate > 0 && rate < 1)) {
            throw new IllegalArgumentException(
                    "rates must lie strictly between 0 and 1: " + trainingRate + ", " + rate);
        }
    }

    /** No adjustment. */
    public static PriorShift none(double trainingRate) {
        return new PriorShift(trainingRate, trainingRate);
    }

    /**
     * Estimates the base rate of unlabelled data from the model's probabilities on it.
     *
     * @param probabilities the model's probabilities on the new data (unadjusted)
     */
    public static PriorShift estimate(double trainingRate, double[] probabilities) {
        if (probabilities.length == 0) {
            return none(trainingRate);
        }
        double rate = trainingRate;
        for (int iteration = 0; iteration < 1000; iteration++) {
            PriorShift shift = new PriorShift(trainingRate, rate);
            double sum = 0;
            for (double p : probabilities) {
                sum += shift.adjust(p);
            }
            double next = Math.min(1 - 1e-6, Math.max(1e-6, sum / probabilities.length));
            if (Math.abs(next - rate) < 1e-9) {
                return new PriorShift(trainingRate, next);
            }
            rate = next;
        }
        return new PriorShift(trainingRate, rate);
    }

    /** The probability under the new base rate. */
    public double adjust(double p) {
        double positive = rate / trainingRate * p;
        double negative = (1 - rate) / (1 - trainingRate) * (1 - p);
        return positive + negative == 0 ? p : positive / (positive + negative);
    }
}
