package org.ewea.methodology.playbook;

import java.util.Comparator;
import java.util.List;

/**
 * All early-action recommendations, with the audiences and action types they use.
 *
 * @param audiences audience ids, e.g. analyst, policy, operational, training
 * @param actionTypes action type ids, e.g. preparedness, mitigation, prevention, policy, training
 * @param recommendations every recommendation
 */
public record Playbooks(List<String> audiences, List<String> actionTypes, List<Recommendation> recommendations) {

    public Playbooks {
        audiences = List.copyOf(audiences);
        actionTypes = List.copyOf(actionTypes);
        recommendations = List.copyOf(recommendations);
    }

    /**
     * The recommendations for a top-level category at a stage, for one audience or all (null): those written for the
     * category first, then the ones that apply to every category.
     */
    public List<Recommendation> forCategory(String category, String stage, String audience) {
        return recommendations.stream()
                .filter(r -> r.appliesTo(category, stage))
                .filter(r -> audience == null || r.audience().equals(audience))
                .sorted(Comparator.comparing((Recommendation r) -> !r.isSpecificTo(category))
                        .thenComparing(r -> audiences.indexOf(r.audience())))
                .toList();
    }
}
