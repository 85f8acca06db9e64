package org.ewea.methodology.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ewea.methodology.definition.DefinitionRecords.ConditionEntry;
import org.ewea.methodology.definition.DefinitionRecords.IndicatorEntry;
import org.ewea.methodology.definition.DefinitionRecords.StageEntry;
import org.ewea.methodology.definition.DefinitionRecords.StagesFile;
import org.ewea.methodology.definition.DefinitionRecords.TransitionEntry;
import org.ewea.methodology.stage.Condition;
import org.ewea.methodology.stage.Indicator;
import org.ewea.methodology.stage.Stage;
import org.ewea.methodology.stage.StageModel;
import org.ewea.methodology.stage.StageTransition;
import org.jspecify.annotations.Nullable;

/** Validates stages.yaml. */
final class StagesDefinition {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private StagesDefinition() {}

    static StageModel build(DefinitionFile file, StagesFile definition) {
        Required top = Required.in(file, "id", null);
        List<Stage> stages = new ArrayList<>();
        Set<String> stageIds = new HashSet<>();
        for (StageEntry s : top.list(definition.stages(), "stages")) {
            String id = top.text(s.id(), "stages[].id");
            Required check = Required.in(file, "id", id);
            if (!stageIds.add(id)) {
                throw check.fail("stage id is defined twice");
            }
            stages.add(new Stage(id, check.text(s.name(), "name"), check.text(s.description(), "description")));
        }
        List<Indicator> indicators = new ArrayList<>();
        Set<String> indicatorIds = new HashSet<>();
        for (IndicatorEntry i : top.list(definition.indicators(), "indicators")) {
            String id = top.text(i.id(), "indicators[].id");
            Required check = Required.in(file, "id", id);
            if (!indicatorIds.add(id)) {
                throw check.fail("indicator id is defined twice");
            }
            indicators.add(new Indicator(
                    id,
                    check.text(i.name(), "name"),
                    check.text(i.unit(), "unit"),
                    check.text(i.description(), "description"),
                    phrases(i.cues(), "cues", check),
                    phrases(i.hedges(), "hedges", check)));
            if (i.hedges() != null && i.cues() == null) {
                throw check.fail("hedges: only an indicator with cues can have hedges");
            }
        }
        List<StageTransition> transitions = new ArrayList<>();
        for (TransitionEntry t : Required.orEmpty(definition.transitions())) {
            String from = top.text(t.from(), "transitions[].from");
            Required check = Required.in(file, "from", from);
            String to = check.text(t.to(), "to");
            for (String stage : List.of(from, to)) {
                if (!stageIds.contains(stage)) {
                    throw check.fail("transition names unknown stage '" + stage + "' (known: " + stageIds + ")");
                }
            }
            List<Condition> all = conditions(Required.orEmpty(t.all()), indicatorIds, check);
            List<Condition> any = conditions(Required.orEmpty(t.any()), indicatorIds, check);
            if (all.isEmpty() && any.isEmpty()) {
                throw check.fail("transition " + from + " -> " + to + " has no conditions");
            }
            transitions.add(new StageTransition(from, to, all, any, check.text(t.rationale(), "rationale")));
        }
        return new StageModel(stages, indicators, transitions);
    }

    private static Map<String, List<String>> phrases(
            @Nullable Map<String, List<String>> cues, String field, Required check) {
        if (cues == null) {
            return Map.of();
        }
        Map<String, List<String>> valid = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : cues.entrySet()) {
            if (!LANGUAGE.matcher(e.getKey()).matches()) {
                throw check.fail(field + ": '" + e.getKey() + "' is not a language tag (like en, de, or und for any)");
            }
            List<String> terms = Required.orEmpty(e.getValue());
            if (terms.isEmpty() || terms.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw check.fail(field + "." + e.getKey() + " needs one or more non-blank phrases");
            }
            valid.put(e.getKey(), terms);
        }
        return valid;
    }

    private static List<Condition> conditions(List<ConditionEntry> entries, Set<String> indicators, Required check) {
        List<Condition> conditions = new ArrayList<>();
        for (ConditionEntry c : entries) {
            String indicator = check.text(c.indicator(), "condition.indicator");
            if (!indicators.contains(indicator)) {
                throw check.fail("condition names unknown indicator '" + indicator + "'");
            }
            try {
                conditions.add(new Condition(
                        indicator, check.text(c.op(), "condition.op"), check.value(c.value(), "condition.value")));
            } catch (IllegalArgumentException e) {
                throw check.fail(e.getMessage());
            }
        }
        return conditions;
    }
}
