package org.ewea.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.ewea.api.LiveApplicationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Early-warning scores of the demo data, checked against the stored items they are read from. */
@SuppressWarnings("unchecked")
class ScoresApiIntegrationTests extends LiveApplicationTests {

    @Autowired
    MongoDatabase database;

    private static Map<String, Object> score(Map<String, Object> view) {
        return (Map<String, Object>) view.get("score");
    }

    @Test
    void theDemoYieldsRankedExplainedScoresAsOfItsLastDay() {
        LocalDate asOf = lastItemDay(database);
        Map<String, Object> page = getJsonObject("/api/v1/scores?size=100&asOf=" + asOf);
        assertThat(page).containsEntry("dayChosen", "asked");
        assertThat(page)
                .containsEntry("asOf", asOf.toString())
                .containsEntry("page", 0)
                .containsEntry("size", 100);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).isNotEmpty();
        assertThat(((Number) page.get("total")).intValue()).isEqualTo(items.size());
        double previous = Double.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> view = items.get(i);
            assertThat(view).containsEntry("rank", i + 1);
            Map<String, Object> s = score(view);
            double value = ((Number) s.get("score")).doubleValue();
            assertThat(value).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
            previous = value;
            assertThat(s)
                    .containsEntry("asOf", asOf.toString())
                    .containsKeys("stage", "priority", "priorityLabel", "methodologyVersion", "modelVersion");
            assertThat((String) s.get("priority")).matches("P[1-4]");
            Map<String, Object> explanation = (Map<String, Object>) s.get("explanation");
            assertThat((String) explanation.get("summary")).isNotBlank();
            assertThat((String) explanation.get("risk")).contains("Harm");
            List<Map<String, Object>> terms = (List<Map<String, Object>>) explanation.get("contributions");
            assertThat(terms)
                    .hasSize(5)
                    .allSatisfy(t -> assertThat((String) t.get("words")).isNotBlank());
            long evidence = ((Number) s.get("evidenceCount")).longValue();
            assertThat(evidence).isPositive();
            assertThat((List<Object>) view.get("evidence")).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void aKevCveIsAKnownThreatCountedFromItsItems() {
        List<Map<String, Object>> items = (List<Map<String, Object>>)
                getJsonObject("/api/v1/scores?kind=cve&authoritative=only&size=100&asOf=" + lastItemDay(database))
                        .get("items");
        assertThat(items).isNotEmpty();
        Map<String, Object> s = score(items.getFirst());
        String cve = (String) s.get("label");
        assertThat(s).containsEntry("kind", "cve").containsEntry("series", "cve:" + cve);
        assertThat(((Number) s.get("score")).doubleValue()).isEqualTo(1.0);
        LocalDate asOf = LocalDate.parse((String) s.get("asOf"));
        long stored = database.getCollection("items")
                .countDocuments(Filters.and(
                        Filters.elemMatch(
                                "annotations.entities",
                                Filters.and(Filters.eq("type", "cve"), Filters.eq("value", cve))),
                        Filters.gte(
                                "time",
                                Date.from(asOf.minusDays(27).atStartOfDay().toInstant(ZoneOffset.UTC))),
                        Filters.lt(
                                "time",
                                Date.from(asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))));
        assertThat(((Number) s.get("evidenceCount")).longValue()).isEqualTo(stored);
        Document first = database.getCollection("items")
                .find(Filters.and(
                        Filters.eq("sourceId", "cisa-kev"),
                        Filters.elemMatch("annotations.entities", Filters.eq("value", cve))))
                .sort(Sorts.ascending("time"))
                .first();
        assertThat(s)
                .containsEntry(
                        "authoritativeSince",
                        first.get("time", Date.class)
                                .toInstant()
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString());
        Map<String, Object> explanation = (Map<String, Object>) s.get("explanation");
        assertThat((String) explanation.get("summary")).contains("already an authoritative threat");
        assertThat(((Number) explanation.get("modelScore")).doubleValue()).isBetween(0.0, 1.0);
        assertThat((String) explanation.get("likelihood")).contains("authoritative floor 4");

        Map<String, Object> excluded =
                getJsonObject("/api/v1/scores?authoritative=exclude&size=100&asOf=" + lastItemDay(database));
        assertThat((List<Map<String, Object>>) excluded.get("items"))
                .allSatisfy(v -> assertThat(score(v).get("authoritativeSince")).isNull());
    }

    @Test
    void theExplanationAddsUpToTheModelsScore() {
        Map<String, Object> s =
                score(((List<Map<String, Object>>) getJsonObject("/api/v1/scores?size=1&asOf=" + lastItemDay(database))
                                .get("items"))
                        .getFirst());
        Map<String, Object> explanation = (Map<String, Object>) s.get("explanation");
        Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>)
                                getJsonObject("/api/v1/models").get("items"))
                        .getFirst()
                        .get("model"))
                .get("model");
        List<String> features = (List<String>) model.get("features");
        List<Number> means = (List<Number>) model.get("means");
        List<Number> scales = (List<Number>) model.get("scales");
        List<Number> coefficients = (List<Number>) model.get("coefficients");
        Map<String, Number> values = (Map<String, Number>) explanation.get("features");
        double logOdds = ((Number) explanation.get("baseLogOdds")).doubleValue();
        for (int j = 0; j < features.size(); j++) {
            double z = (values.get(features.get(j)).doubleValue() - means.get(j).doubleValue())
                    / scales.get(j).doubleValue();
            logOdds += coefficients.get(j).doubleValue() * Math.max(-4, Math.min(4, z));
        }
        assertThat(1 / (1 + Math.exp(-logOdds)))
                .isCloseTo(((Number) explanation.get("modelScore")).doubleValue(), within(1e-9));
    }

    @Test
    void aPastDayCanBeScoredAndKindsFiltered() {
        Map<String, Object> page = getJsonObject("/api/v1/scores?asOf=2025-12-31&kind=cve&size=5");
        assertThat(page).containsEntry("asOf", "2025-12-31");
        assertThat((List<Map<String, Object>>) page.get("items"))
                .isNotEmpty()
                .allSatisfy(
                        v -> assertThat(score(v)).containsEntry("kind", "cve").containsEntry("asOf", "2025-12-31"));
    }

    @ParameterizedTest
    @CsvSource({
        "size=0, size",
        "size=101, size",
        "page=-1, page",
        "kind=actor, kind",
        "asOf=2026-02-30, asOf",
        "asOf=2999-01-01, asOf",
        "authoritative=maybe, authoritative"
    })
    void badParametersAreProblems(String query, String field) {
        client.get()
                .uri("/api/v1/scores?" + query)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);
    }

    @Test
    void theShippedModelIsListedAndCurrent() {
        Map<String, Object> page = getJsonObject("/api/v1/models");
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).isNotEmpty();
        Map<String, Object> shipped = items.getLast();
        assertThat(shipped).containsEntry("shipped", true).containsEntry("current", true);
        Map<String, Object> model = (Map<String, Object>) shipped.get("model");
        assertThat(model)
                .containsEntry("approved", true)
                .containsEntry("horizonDays", 90)
                .containsKeys("trainedFrom", "trainedTo", "labelsKnownAt", "metrics", "methodologyVersion", "seed");
        assertThat(((List<Object>) ((Map<String, Object>) model.get("model")).get("features")))
                .hasSize(15);
    }

    @Test
    void theEndpointsAreInTheOpenApiDocument() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/scores'].get")
                .exists()
                .jsonPath("$.paths['/api/v1/models'].get")
                .exists();
    }
}
