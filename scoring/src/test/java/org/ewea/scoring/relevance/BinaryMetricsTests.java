package org.ewea.scoring.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryMetricsTests {

    private static BinaryMetrics.Scored s(double p, boolean positive) {
        return new BinaryMetrics.Scored(p, positive);
    }

    @Test
    void computesPrecisionRecallF1AndAveragePrecisionByHand() {
        // ranked: 0.9 P, 0.8 N, 0.7 P, 0.4 P, 0.2 N  -> AP = (1/1 + 2/3 + 3/4) / 3 = 0.8056
        BinaryMetrics m =
                BinaryMetrics.of(List.of(s(0.7, true), s(0.2, false), s(0.9, true), s(0.4, true), s(0.8, false)), 0.5);
        assertThat(m.positives()).isEqualTo(3);
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.f1()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.prAuc()).isCloseTo((1 + 2.0 / 3 + 3.0 / 4) / 3, within(1e-9));
    }

    @Test
    void tiesAreNotOptimistic() {
        BinaryMetrics m = BinaryMetrics.of(List.of(s(0.5, true), s(0.5, false)), 0.5);
        assertThat(m.prAuc()).isCloseTo(0.5, within(1e-9));
    }
}
