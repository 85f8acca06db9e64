package org.ewea.scoring.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriorShiftTests {

    /** Posterior of a model that knows x ~ N(+1, 1) for positives, N(-1, 1) for negatives, under a prior. */
    private static double posterior(double x, double prior) {
        double pos = prior * Math.exp(-(x - 1) * (x - 1) / 2);
        double neg = (1 - prior) * Math.exp(-(x + 1) * (x + 1) / 2);
        return pos / (pos + neg);
    }

    @Test
    void recoversTheNewBaseRateFromUnlabelledOutputsAndAdjustsToIt() {
        SplittableRandom random = new SplittableRandom(3);
        double trainingRate = 0.25;
        double trueRate = 0.04;
        double[] outputs = new double[20_000];
        for (int i = 0; i < outputs.length; i++) {
            double x = (random.nextDouble() < trueRate ? 1 : -1) + random.nextGaussian();
            outputs[i] = posterior(x, trainingRate);
        }
        PriorShift shift = PriorShift.estimate(trainingRate, outputs);
        assertThat(shift.rate()).isCloseTo(trueRate, within(0.01));
        assertThat(shift.adjust(posterior(0.7, trainingRate))).isCloseTo(posterior(0.7, shift.rate()), within(1e-9));
        assertThat(shift.adjust(0.5)).isLessThan(0.5);
    }

    @Test
    void leavesProbabilitiesAloneWithoutAShift() {
        assertThat(PriorShift.none(0.2).adjust(0.37)).isCloseTo(0.37, within(1e-12));
        assertThat(PriorShift.estimate(0.2, new double[0]).rate()).isEqualTo(0.2);
        assertThatIllegalArgumentException().isThrownBy(() -> new PriorShift(0, 0.5));
    }
}
