package org.ewea.scoring.relevance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.testing.Fixtures;
import org.ewea.collectors.testing.TestAnnotators;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Relevance on CTI-ANN (2,500 X posts, 365 CTI-positive; ../shared/corpus): stratified 5-fold cross-validation,
 * seed 42, class-balanced logistic regression over hashed n-grams, tags and entities, threshold 0.5, no
 * hyper-parameter chosen on these folds. Measured 2026-11-22 (with the source context features): precision 0.862, recall 0.685, F1 0.763, PR-AUC 0.854.
 * The target (positive-class F1 >= 0.80) is NOT met yet: recall is the weak side. The next step is issue 5's
 * model comparison (gradient boosting, random forest) with hyper-parameters and threshold chosen by nested
 * cross-validation. The floors below guard against regressions; the same seed must give the same figures.
 */
public class CtiAnnRelevanceEvaluationTests {

    /** CTI-ANN's posts as the service reads them ({@link CtiAnnExamples}: the same features as a retraining). */
    public static List<LabelledExample> examples(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv)) {
            return new CtiAnnExamples(TestAnnotators.defaults(), CorpusContexts.languages()).read(in);
        }
    }

    /** How many posts Lingua detects in each language ("unknown" when it cannot tell). */
    public static Map<String, Integer> languages(Path csv) throws IOException {
        LanguageDetector languages = CorpusContexts.languages();
        Map<String, Integer> counts = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                counts.merge(languages.detect(row.get("summary")).orElse("unknown"), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void measuresRelevanceByCrossValidation() throws IOException {
        Path csv = Fixtures.sharedCorpus()
                .map(c -> c.resolve("cti-ann-x-annotated/X-Annotated-Dataset.csv"))
                .orElse(null);
        Assumptions.assumeTrue(csv != null && Files.exists(csv), "../shared/corpus is not available");
        List<LabelledExample> examples = examples(csv);
        assertThat(examples).hasSize(2500);
        assertThat(examples.stream().filter(LabelledExample::relevant).count()).isEqualTo(365);

        BinaryMetrics first = evaluate(examples);
        BinaryMetrics second = evaluate(examples);
        assertThat(second).as("same seed, same figures").isEqualTo(first);
        System.out.printf(
                Locale.ROOT,
                "CTI-ANN 5-fold CV (seed 42, logistic regression): precision %.3f recall %.3f"
                        + " F1 %.3f PR-AUC %.3f%n",
                first.precision(),
                first.recall(),
                first.f1(),
                first.prAuc());
        assertThat(first.f1())
                .as("positive-class F1 (measured 0.764; issue target 0.80 not met yet)")
                .isGreaterThanOrEqualTo(0.75);
        assertThat(first.precision()).isGreaterThanOrEqualTo(0.84);
        assertThat(first.prAuc()).isGreaterThanOrEqualTo(0.84);
    }

    public static BinaryMetrics evaluate(List<LabelledExample> examples) {
        List<BinaryMetrics.Scored> scored = StratifiedCrossValidation.run(examples, 5, 42L, training -> {
            RelevanceModel model = RelevanceModel.train(training, RelevanceModel.DEFAULT_OPTIONS);
            return e -> model.probability(e.features());
        });
        return BinaryMetrics.of(scored, 0.5);
    }
}
