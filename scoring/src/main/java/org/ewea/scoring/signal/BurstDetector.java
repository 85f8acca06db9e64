package org.ewea.scoring.signal;

/**
 * Kleinberg's two-state burst automaton for batched arrivals (Kleinberg, "Bursty and Hierarchical Structure in
 * Streams", KDD 2002, section 4): in interval {@code t}, {@code relevant[t]} of {@code total[t]} items mention the
 * subject. The base state emits mentions at the overall share {@code p0 = sum(relevant) / sum(total)}, the burst state
 * at {@code scaling * p0}. Each interval's cost is the negative log-likelihood of its mentions under the state's
 * binomial; entering the burst state costs {@code gamma * ln(n)} for a series of {@code n} intervals, leaving it is
 * free. The cheapest state sequence (Viterbi) marks the burst intervals.
 *
 * @param scaling how much more often the subject is mentioned in a burst (Kleinberg's s; 2 is his default)
 * @param gamma the price of entering a burst (Kleinberg's gamma; 1 is his default)
 */
public record BurstDetector(double scaling, double gamma) {

    public BurstDetector {
        if (!(scaling > 1) || !(gamma > 0)) {
            throw new IllegalArgumentException("scaling must be > 1 and gamma > 0: " + scaling + ", " + gamma);
        }
    }

    /** Kleinberg's defaults, s = 2 and gamma = 1. */
    public static BurstDetector defaults() {
        return new BurstDetector(2, 1);
    }

    /** Which intervals are in the burst state. */
    public boolean[] bursts(long[] relevant, long[] total) {
        int n = relevant.length;
        if (total.length != n) {
            throw new IllegalArgumentException("relevant and total differ in length: " + n + ", " + total.length);
        }
        boolean[] burst = new boolean[n];
        long r = 0;
        long d = 0;
        for (int t = 0; t < n; t++) {
            if (relevant[t] < 0 || relevant[t] > total[t]) {
                throw new IllegalArgumentException("interval " + t + ": " + relevant[t] + " of " + total[t]);
            }
            r += relevant[t];
            d += total[t];
        }
        if (r == 0 || r == d) {
            return burst; // nothing to tell apart: never mentioned, or mentioned by every item
        }
        double p0 = (double) r / d;
        double p1 = Math.min(scaling * p0, 1 - 1e-9);
        double enter = gamma * Math.log(n);
        // cost[s] of the cheapest sequence ending in state s; from[t][s] the state before it
        double cost0 = 0;
        double cost1 = Double.POSITIVE_INFINITY; // start in the base state
        boolean[][] fromBurst = new boolean[n][2];
        for (int t = 0; t < n; t++) {
            double emit0 = negativeLogLikelihood(relevant[t], total[t], p0);
            double emit1 = negativeLogLikelihood(relevant[t], total[t], p1);
            double to0From0 = cost0;
            double to0From1 = cost1;
            double to1From0 = cost0 + enter;
            double to1From1 = cost1;
            fromBurst[t][0] = to0From1 < to0From0;
            fromBurst[t][1] = to1From1 <= to1From0;
            double next0 = Math.min(to0From0, to0From1) + emit0;
            double next1 = Math.min(to1From0, to1From1) + emit1;
            cost0 = next0;
            cost1 = next1;
        }
        boolean inBurst = cost1 < cost0;
        for (int t = n - 1; t >= 0; t--) {
            burst[t] = inBurst;
            inBurst = fromBurst[t][inBurst ? 1 : 0];
        }
        return burst;
    }

    /** -ln of the binomial probability without the binomial coefficient, which is the same in both states. */
    private static double negativeLogLikelihood(long r, long d, double p) {
        return -(r * Math.log(p) + (d - r) * Math.log1p(-p));
    }
}
