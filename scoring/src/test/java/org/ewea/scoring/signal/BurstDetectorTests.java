package org.ewea.scoring.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BurstDetectorTests {

    private final BurstDetector detector = BurstDetector.defaults();

    private static long[] constant(int n, long value) {
        long[] a = new long[n];
        Arrays.fill(a, value);
        return a;
    }

    @Test
    void aSteadyShareIsNeverABurst() {
        long[] relevant = constant(60, 5);
        assertThat(detector.bursts(relevant, constant(60, 100))).doesNotContain(true);
    }

    @Test
    void aSustainedRiseInShareIsMarkedWhereItHappens() {
        long[] total = constant(60, 100);
        long[] relevant = constant(60, 2);
        for (int t = 30; t < 38; t++) {
            relevant[t] = 15;
        }
        boolean[] burst = detector.bursts(relevant, total);
        assertThat(IntStream.range(0, 60).filter(t -> burst[t]).toArray())
                .containsExactly(IntStream.range(30, 38).toArray());
    }

    @Test
    void moreItemsOverallIsNotABurstOfTheSubject() {
        long[] total = constant(60, 100);
        long[] relevant = constant(60, 3);
        for (int t = 30; t < 38; t++) {
            total[t] = 500; // a busy week everywhere
            relevant[t] = 15; // the same share
        }
        assertThat(detector.bursts(relevant, total)).doesNotContain(true);
    }

    @Test
    void aSingleNoisyDayDoesNotPayTheEntryCost() {
        long[] total = constant(60, 100);
        long[] relevant = constant(60, 4);
        relevant[20] = 9;
        assertThat(detector.bursts(relevant, total)).doesNotContain(true);
    }

    @Test
    void nothingMentionedAndEmptySeriesAreQuiet() {
        assertThat(detector.bursts(constant(10, 0), constant(10, 50))).doesNotContain(true);
        assertThat(detector.bursts(new long[0], new long[0])).isEmpty();
        assertThat(detector.bursts(constant(5, 0), constant(5, 0))).doesNotContain(true);
    }

    @Test
    void rejectsInconsistentInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> detector.bursts(new long[] {3}, new long[] {2}));
        assertThatIllegalArgumentException().isThrownBy(() -> detector.bursts(new long[] {1, 2}, new long[] {2}));
        assertThatIllegalArgumentException().isThrownBy(() -> new BurstDetector(1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new BurstDetector(2, 0));
    }
}
