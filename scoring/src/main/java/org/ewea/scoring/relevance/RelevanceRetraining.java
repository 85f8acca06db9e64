package org.ewea.scoring.relevance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.ItemId;
import smile.util.SparseArray;

/**
 * Retrains the relevance model with the analysts' labels: the CTI-ANN posts shipped in the jar plus every item
 * analysts judged (the majority verdict), featured as the service scores them. Measured before it is stored: the
 * judged items are split into folds (stratified, seed 42); each fold is scored by a model trained on CTI-ANN and the
 * other folds, and, for comparison, by the model in use, so an analyst sees whether the new model reads the
 * install's own material better before approving it. Deterministic for the same labels and items. Blocks.
 */
public final class RelevanceRetraining {

    /** Judged items needed of each class (threat-relevant and not). */
    public static final int MIN_PER_CLASS = 3;

    public static final long SEED = 42L;

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    /** A trained model: what it is and its weights. */
    public record Trained(RelevanceModels.Info info, RelevanceWeights weights) {}

    private final Supplier<List<LabelledExample>> ctiAnn;
    private final RelevanceFeedback feedback;
    private final ItemRepository items;
    private final ItemRelevance relevance;

    /** @param ctiAnn the CTI-ANN examples (read when first needed: featuring 2,500 posts takes seconds) */
    public RelevanceRetraining(
            Supplier<List<LabelledExample>> ctiAnn,
            RelevanceFeedback feedback,
            ItemRepository items,
            ItemRelevance relevance) {
        this.ctiAnn = ctiAnn;
        this.feedback = feedback;
        this.items = items;
        this.relevance = relevance;
    }

    /**
     * @throws IllegalArgumentException when analysts have judged too few items of either class
     */
    public Trained train(String user, Instant now) {
        Map<ItemId, Boolean> labels = feedback.labels();
        List<AnnotatedItem> judged = new ArrayList<>();
        List<Boolean> relevant = new ArrayList<>();
        labels.forEach((id, label) -> items.findAnnotated(id).ifPresent(a -> {
            judged.add(a);
            relevant.add(label);
        }));
        long positives = relevant.stream().filter(r -> r).count();
        long negatives = relevant.size() - positives;
        if (positives < MIN_PER_CLASS || negatives < MIN_PER_CLASS) {
            throw new IllegalArgumentException("too few judged items: " + positives + " threat-relevant and "
                    + negatives + " not (POST /api/v1/items/{id}/feedback); retraining needs at least "
                    + MIN_PER_CLASS + " of each");
        }
        List<LabelledExample> own = new ArrayList<>();
        List<SparseArray> features = relevance.features(judged);
        for (int i = 0; i < judged.size(); i++) {
            own.add(new LabelledExample(features.get(i), relevant.get(i)));
        }
        List<LabelledExample> base = ctiAnn.get();
        Map<String, Double> metrics = measure(base, own);
        List<LabelledExample> all = new ArrayList<>(base);
        all.addAll(own);
        RelevanceWeights weights = RelevanceModel.train(all, RelevanceModel.DEFAULT_OPTIONS)
                .weights("unnamed")
                .withDigestId("relevance-" + ID_TIME.format(now));
        return new Trained(
                new RelevanceModels.Info(
                        weights.id(),
                        now,
                        user,
                        base.size(),
                        own.size(),
                        (int) positives,
                        metrics,
                        weights.indices().length,
                        null,
                        null),
                weights);
    }

    /** Held-out figures on the judged items, of the retrained procedure and of the model in use. */
    private Map<String, Double> measure(List<LabelledExample> base, List<LabelledExample> own) {
        List<Boolean> labels = own.stream().map(LabelledExample::relevant).toList();
        long positives = labels.stream().filter(l -> l).count();
        int folds = (int) Math.min(5, Math.min(positives, labels.size() - positives));
        int[] fold = StratifiedCrossValidation.folds(labels, folds, SEED);
        List<BinaryMetrics.Scored> retrained = new ArrayList<>();
        List<BinaryMetrics.Scored> current = new ArrayList<>();
        RelevanceWeights inUse = relevance.model();
        for (int k = 0; k < folds; k++) {
            List<LabelledExample> training = new ArrayList<>(base);
            List<LabelledExample> held = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                (fold[i] == k ? held : training).add(own.get(i));
            }
            RelevanceModel model = RelevanceModel.train(training, RelevanceModel.DEFAULT_OPTIONS);
            for (LabelledExample e : held) {
                retrained.add(new BinaryMetrics.Scored(model.probability(e.features()), e.relevant()));
                current.add(new BinaryMetrics.Scored(inUse.probability(e.features()), e.relevant()));
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        put(metrics, "judged", BinaryMetrics.of(retrained, 0.5));
        put(metrics, "judged-model-in-use", BinaryMetrics.of(current, 0.5));
        metrics.put("judged-folds", (double) folds);
        return metrics;
    }

    private static void put(Map<String, Double> metrics, String prefix, BinaryMetrics m) {
        metrics.put(prefix + "-precision", round(m.precision()));
        metrics.put(prefix + "-recall", round(m.recall()));
        metrics.put(prefix + "-f1", round(m.f1()));
        metrics.put(prefix + "-pr-auc", round(m.prAuc()));
    }

    private static double round(double v) {
        return Double.isNaN(v) ? 0 : Double.parseDouble(String.format(Locale.ROOT, "%.4f", v));
    }
}
