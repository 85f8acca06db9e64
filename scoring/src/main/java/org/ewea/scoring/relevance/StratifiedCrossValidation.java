package org.ewea.scoring.relevance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Stratified k-fold cross-validation with a fixed seed: positives and negatives are shuffled (seeded) and dealt
 * round-robin into the folds, so every fold has the same class balance and the same seed gives the same folds.
 * Every example is scored exactly once, by a model that did not see it.
 */
public final class StratifiedCrossValidation {

    private StratifiedCrossValidation() {}

    /**
     * Each example's fold: positives and negatives shuffled with the seed and dealt round-robin, so every fold has
     * the same class balance.
     */
    public static int[] folds(List<Boolean> positive, int folds, long seed) {
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int i = 0; i < positive.size(); i++) {
            (positive.get(i) ? positives : negatives).add(i);
        }
        Random random = new Random(seed);
        Collections.shuffle(positives, random);
        Collections.shuffle(negatives, random);
        int[] fold = new int[positive.size()];
        for (int i = 0; i < positives.size(); i++) {
            fold[positives.get(i)] = i % folds;
        }
        for (int i = 0; i < negatives.size(); i++) {
            fold[negatives.get(i)] = i % folds;
        }
        return fold;
    }

    public static List<BinaryMetrics.Scored> run(
            List<LabelledExample> examples,
            int folds,
            long seed,
            Function<List<LabelledExample>, ToDoubleFunction<LabelledExample>> train) {
        int[] fold = folds(examples.stream().map(LabelledExample::relevant).toList(), folds, seed);
        List<BinaryMetrics.Scored> scored = new ArrayList<>(examples.size());
        for (int k = 0; k < folds; k++) {
            List<LabelledExample> training = new ArrayList<>();
            List<LabelledExample> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == k ? held : training).add(examples.get(i));
            }
            ToDoubleFunction<LabelledExample> model = train.apply(training);
            for (LabelledExample e : held) {
                scored.add(new BinaryMetrics.Scored(model.applyAsDouble(e), e.relevant()));
            }
        }
        return scored;
    }
}
