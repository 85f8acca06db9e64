package org.ewea.methodology.stage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stages, indicators and transition rules, validated. */
public record StageModel(List<Stage> stages, List<Indicator> indicators, List<StageTransition> transitions) {

    public StageModel {
        stages = List.copyOf(stages);
        indicators = List.copyOf(indicators);
        transitions = List.copyOf(transitions);
    }

    public Optional<Stage> stage(String id) {
        return stages.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The first stage, where every technology starts. */
    public Stage initial() {
        return stages.getFirst();
    }

    /**
     * The transition out of {@code currentStage} that the measured indicators trigger, if any: the first rule in
     * definition order whose conditions hold.
     */
    public Optional<StageTransition> next(String currentStage, Map<String, Double> indicators) {
        return transitions.stream()
                .filter(t -> t.from().equals(currentStage))
                .filter(t -> t.fires(indicators))
                .findFirst();
    }
}
