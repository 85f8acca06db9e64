package org.ewea.scoring.relevance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.util.SparseArray;

/**
 * A trained threat-type model as its numbers: one {@link RelevanceWeights} per type (one-vs-rest), a type reported
 * when its probability is at least {@value #THRESHOLD}.
 *
 * @param id the model's id, stored with every item it types
 * @param byType each type's weights, in the order types are reported
 */
public record ThreatTypes(String id, Map<String, RelevanceWeights> byType) {

    public static final double THRESHOLD = 0.5;

    public ThreatTypes {
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /** The types the features report. */
    public List<String> of(SparseArray features) {
        List<String> types = new ArrayList<>();
        byType.forEach((type, weights) -> {
            if (weights.probability(features) >= THRESHOLD) {
                types.add(type);
            }
        });
        return types;
    }

    /** The probability of each type. */
    public Map<String, Double> probabilities(SparseArray features) {
        Map<String, Double> p = new LinkedHashMap<>();
        byType.forEach((type, weights) -> p.put(type, weights.probability(features)));
        return p;
    }
}
