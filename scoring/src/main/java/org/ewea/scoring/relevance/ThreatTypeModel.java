package org.ewea.scoring.relevance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import smile.classification.LogisticRegression;
import smile.util.SparseArray;

/**
 * The kinds of threat event an item reports (multi-label: an item may report a data breach and a ransom demand):
 * one class-balanced {@link RelevanceModel} per type over the same {@link RelevanceFeatures}, one-vs-rest. Trained on
 * the CASIE event types (Databreach, Phishing, Ransom, DiscoverVulnerability, PatchVulnerability), or on any
 * labelled articles an operator gives ({@link ThreatTypeTraining}).
 */
public final class ThreatTypeModel {

    /** An item with the event types it reports. */
    public record TypedExample(SparseArray features, Set<String> types) {

        public TypedExample {
            types = Set.copyOf(types);
        }
    }

    private final Map<String, RelevanceModel> models;

    private ThreatTypeModel(Map<String, RelevanceModel> models) {
        this.models = models;
    }

    /** One model per type in {@code types}, each trained on every example (positive when it has the type). */
    public static ThreatTypeModel train(
            List<String> types, List<TypedExample> examples, LogisticRegression.Options options) {
        Map<String, RelevanceModel> models = new LinkedHashMap<>();
        for (String type : types) {
            models.put(
                    type,
                    RelevanceModel.train(
                            examples.stream()
                                    .map(e -> new LabelledExample(
                                            e.features(), e.types().contains(type)))
                                    .toList(),
                            options));
        }
        return new ThreatTypeModel(models);
    }

    /** The model as its numbers, to keep and to score with ({@code id} names it on every item it types). */
    public ThreatTypes weights(String id) {
        Map<String, RelevanceWeights> byType = new LinkedHashMap<>();
        models.forEach((type, model) -> byType.put(type, model.weights(id + ":" + type)));
        return new ThreatTypes(id, byType);
    }

    /** The probability of each type. */
    public Map<String, Double> probabilities(SparseArray features) {
        Map<String, Double> p = new LinkedHashMap<>();
        models.forEach((type, model) -> p.put(type, model.probability(features)));
        return p;
    }
}
