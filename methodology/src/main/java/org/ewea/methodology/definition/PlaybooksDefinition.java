package org.ewea.methodology.definition;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewea.methodology.definition.DefinitionRecords.RecommendationEntry;
import org.ewea.methodology.playbook.Playbooks;
import org.ewea.methodology.playbook.Recommendation;

/** Validates playbooks (defaults merged with overrides by recommendation id) and checks their coverage. */
final class PlaybooksDefinition {

    private PlaybooksDefinition() {}

    record Located(RecommendationEntry entry, DefinitionFile file) {}

    static Playbooks build(
            DefinitionFile main,
            List<String> audiences,
            List<String> actionTypes,
            List<Located> located,
            Set<String> categories,
            List<String> stages) {
        Map<String, Recommendation> byId = new LinkedHashMap<>();
        for (Located l : located) {
            RecommendationEntry r = l.entry();
            String id = Required.in(l.file(), "id", null).text(r.id(), "recommendations[].id");
            Required check = Required.in(l.file(), "id", id);
            List<String> cats = check.list(r.categories(), "categories");
            for (String category : cats) {
                if (!category.equals(Recommendation.ALL) && !categories.contains(category)) {
                    throw check.fail("category '" + category + "' is not a top-level taxonomy category (known: "
                            + categories + ")");
                }
            }
            List<String> sts = check.list(r.stages(), "stages");
            for (String stage : sts) {
                if (!stage.equals(Recommendation.ALL) && !stages.contains(stage)) {
                    throw check.fail("stage '" + stage + "' is not defined in stages.yaml (known: " + stages + ")");
                }
            }
            String audience = check.text(r.audience(), "audience");
            if (!audiences.contains(audience)) {
                throw check.fail("audience '" + audience + "' must be one of " + audiences);
            }
            String action = check.text(r.action(), "action");
            if (!actionTypes.contains(action)) {
                throw check.fail("action '" + action + "' must be one of " + actionTypes);
            }
            Period review;
            try {
                review = Period.parse(check.text(r.review(), "review"));
            } catch (DateTimeParseException e) {
                throw check.fail("review '" + r.review() + "' is not an ISO-8601 period such as P30D");
            }
            byId.put(
                    id,
                    new Recommendation(
                            id,
                            cats,
                            sts,
                            audience,
                            action,
                            check.text(r.title(), "title"),
                            check.text(r.text(), "text"),
                            check.text(r.owner(), "owner"),
                            review,
                            check.text(r.done(), "done")));
        }
        Playbooks playbooks = new Playbooks(audiences, actionTypes, new ArrayList<>(byId.values()));
        for (String category : categories) {
            for (String stage : stages) {
                for (String audience : audiences) {
                    if (playbooks.forCategory(category, stage, audience).isEmpty()) {
                        throw main.error("no recommendation for category '" + category + "' at stage '" + stage
                                + "' for audience '" + audience + "': every top-level category needs one per"
                                + " audience at every stage");
                    }
                }
            }
        }
        return playbooks;
    }
}
