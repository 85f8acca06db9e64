package org.ewea.methodology.definition;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewea.methodology.definition.DefinitionRecords.ConfidenceEntry;
import org.ewea.methodology.definition.DefinitionRecords.LevelEntry;
import org.ewea.methodology.definition.DefinitionRecords.PriorityEntry;
import org.ewea.methodology.definition.DefinitionRecords.RiskFile;
import org.ewea.methodology.risk.ConfidenceLevel;
import org.ewea.methodology.risk.HarmProfile;
import org.ewea.methodology.risk.Priority;
import org.ewea.methodology.risk.RiskMatrix;
import org.ewea.methodology.risk.ScaleLevel;

/** Validates risk-matrix.yaml. */
final class RiskDefinition {

    private RiskDefinition() {}

    static RiskMatrix build(DefinitionFile file, RiskFile risk) {
        Required top = Required.in(file, "id", null);
        Map<String, Double> weights = top.value(risk.harmWeights(), "harmWeights");
        Set<String> dimensions =
                new HarmProfile(0, 0, 0, 0, 0, 0, 0).byDimension().keySet();
        if (!weights.keySet().equals(dimensions)) {
            throw file.error(
                    "harmWeights must give exactly the harm dimensions " + dimensions + ", gave " + weights.keySet());
        }
        weights.forEach((dimension, weight) -> {
            if (weight == null || weight < 0) {
                throw file.error("harmWeights." + dimension + " must be zero or more");
            }
        });
        List<ConfidenceLevel> confidence = new ArrayList<>();
        for (ConfidenceEntry c : top.list(risk.confidence(), "confidence")) {
            String id = top.text(c.id(), "confidence[].id");
            Required check = Required.in(file, "id", id);
            confidence.add(new ConfidenceLevel(
                    id,
                    check.text(c.label(), "label"),
                    check.value(c.factor(), "factor"),
                    check.text(c.description(), "description")));
        }
        List<Priority> priorities = new ArrayList<>();
        for (PriorityEntry p : top.list(risk.priorities(), "priorities")) {
            String id = top.text(p.id(), "priorities[].id");
            Required check = Required.in(file, "id", id);
            Period review;
            try {
                review = Period.parse(check.text(p.review(), "review"));
            } catch (DateTimeParseException e) {
                throw check.fail("review '" + p.review() + "' is not an ISO-8601 period such as P30D");
            }
            priorities.add(
                    new Priority(id, check.text(p.label(), "label"), check.value(p.minScore(), "minScore"), review));
        }
        if (priorities.stream().noneMatch(p -> p.minScore() <= 0)) {
            throw file.error("priorities need a band with minScore 0 so that every score has a priority");
        }
        return new RiskMatrix(
                levels(file, risk.harmScale(), "harmScale"),
                weights,
                levels(file, risk.likelihood(), "likelihood"),
                levels(file, risk.position(), "position"),
                confidence,
                priorities);
    }

    private static List<ScaleLevel> levels(DefinitionFile file, List<LevelEntry> entries, String name) {
        Required top = Required.in(file, "id", null);
        List<ScaleLevel> levels = new ArrayList<>();
        Set<Integer> values = new HashSet<>();
        for (LevelEntry l : top.list(entries, name)) {
            int value = top.value(l.value(), name + "[].value");
            if (!values.add(value)) {
                throw file.error(name + ": value " + value + " is listed twice");
            }
            levels.add(new ScaleLevel(
                    value,
                    top.text(l.label(), name + "[" + value + "].label"),
                    l.factor() == null ? 1.0 : l.factor(),
                    l.description() == null ? "" : l.description()));
        }
        return levels;
    }
}
