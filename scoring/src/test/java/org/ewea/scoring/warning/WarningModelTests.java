package org.ewea.scoring.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

class WarningModelTests {

    private static final List<String> NAMES = List.of("signal", "noise");

    /** y = 1 with probability sigmoid(2 * signal - 1); noise is unrelated. */
    private static double[][] x(int n, SplittableRandom random) {
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble(-2, 2) * 3 + 10;
            x[i][1] = random.nextDouble(-1, 1);
        }
        return x;
    }

    private static int[] y(double[][] x, SplittableRandom random) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double p = 1 / (1 + Math.exp(-(2 * (x[i][0] - 10) / 3 - 1)));
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        return y;
    }

    @Test
    void givesSmilesProbabilitiesFromItsOwnNumbers() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = x(2000, random);
        int[] y = y(x, random);
        WarningModel model = WarningModel.train(NAMES, x, y, 0.01);

        double[][] z = new double[x.length][2];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 2; j++) {
                z[i][j] = (x[i][j] - model.means()[j]) / model.scales()[j];
            }
        }
        var smile = LogisticRegression.binomial(z, y, new LogisticRegression.Options(0.01, 1e-6, 1000));
        double[] posteriori = new double[2];
        for (int i = 0; i < 50; i++) {
            smile.predict(z[i], posteriori);
            assertThat(model.probability(x[i])).isCloseTo(posteriori[1], within(1e-9));
        }
    }

    @Test
    void learnsTheSignalAndExplainsEachScoreExactly() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] x = x(4000, random);
        WarningModel model = WarningModel.train(NAMES, x, y(x, random), 0.01);
        // true coefficient on the standardised signal is 2 * sd(signal) / 3 = 2 * (12 / sqrt(12)) / 3 ~ 2.31
        assertThat(model.coefficients()[0]).isBetween(1.9, 2.7);
        assertThat(Math.abs(model.coefficients()[1])).isLessThan(0.2);
        double[] row = {16, 0.5};
        List<WarningModel.Contribution> terms = model.contributions(row);
        assertThat(terms.getFirst().feature()).isEqualTo("signal");
        assertThat(model.intercept()
                        + terms.stream()
                                .mapToDouble(WarningModel.Contribution::logOdds)
                                .sum())
                .isCloseTo(model.logOdds(row), within(1e-12));
        assertThat(model.probability(row)).isGreaterThan(model.probability(new double[] {4, 0.5}));
    }

    @Test
    void refusesToTrainOnOneClass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WarningModel.train(NAMES, new double[][] {{1, 2}, {3, 4}}, new int[] {0, 0}, 0.1))
                .withMessageContaining("both classes");
    }

    @Test
    void aRecalibratedModelStillExplainsEachScoreExactly() {
        SplittableRandom random = new SplittableRandom(13);
        double[][] x = x(500, random);
        WarningModel model = WarningModel.train(NAMES, x, y(x, random), 0.01);
        WarningModel calibrated = model.calibrated(0.5, -0.25);
        double[] row = {14, -0.3};
        assertThat(calibrated.logOdds(row)).isCloseTo(0.5 * model.logOdds(row) - 0.25, within(1e-12));
        assertThat(calibrated.intercept()
                        + calibrated.contributions(row).stream()
                                .mapToDouble(WarningModel.Contribution::logOdds)
                                .sum())
                .isCloseTo(calibrated.logOdds(row), within(1e-12));
        assertThat(calibrated.means()).isEqualTo(model.means());
    }

    @Test
    void theTrainerShrinksAnOverConfidentModelOnItsHeldOutLogOdds() {
        // few examples, many features, a weak signal: the fitted regression is over-confident on unseen series
        SplittableRandom random = new SplittableRandom(17);
        int p = WarningFeatures.names().size();
        List<WarningExamples.Example> examples = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            for (int d = 0; d < 4; d++) {
                double[] row = new double[p];
                for (int j = 0; j < p; j++) {
                    row[j] = random.nextGaussian();
                }
                int y = random.nextDouble() < 1 / (1 + Math.exp(-(0.8 * row[0] - 1))) ? 1 : 0;
                examples.add(new WarningExamples.Example(
                        "s" + s, LocalDate.of(2026, 1, 1).plusDays(d), row, y));
            }
        }
        WarningTrainer trainer = new WarningTrainer(0.001, 5);
        WarningTrainer.Calibration c = trainer.calibration(examples, 42L);
        assertThat(c.slope()).as("over-confident: shrink").isLessThan(1);
        WarningModelFile file = trainer.train(
                examples,
                new WarningTrainer.Provenance(
                        "m",
                        Instant.EPOCH,
                        42L,
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 1, 4),
                        LocalDate.of(2026, 6, 1),
                        90,
                        "test",
                        "test",
                        "v"));
        assertThat(file.metrics()).containsEntry("calibration-slope", Math.round(c.slope() * 1e4) / 1e4);
        assertThat(file.metrics().get("cv-brier"))
                .as("recalibrated within each fold: better held-out Brier")
                .isLessThan(file.metrics().get("cv-brier-before-calibration"));
        List<WarningExamples.Example> sorted = examples.stream()
                .sorted(Comparator.comparing(WarningExamples.Example::series)
                        .thenComparing(WarningExamples.Example::day))
                .toList();
        assertThat(file.model())
                .isEqualTo(WarningModel.train(
                                WarningFeatures.names(), WarningTrainer.x(sorted), WarningTrainer.y(sorted), 0.001)
                        .calibrated(c.slope(), c.shift()));
    }
}
