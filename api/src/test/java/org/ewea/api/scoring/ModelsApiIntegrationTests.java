package org.ewea.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ewea.api.LiveApplicationTests;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.testing.TestItems;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.SourceId;
import org.ewea.scoring.signal.SignalRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The train command and the model lifecycle through the API. */
@SuppressWarnings("unchecked")
class ModelsApiIntegrationTests extends LiveApplicationTests {

    @Autowired
    MongoDatabase database;

    @Autowired
    SignalRepository signals;

    private static AnnotatedItem item(String url, String title, String source, Instant time, String cve) {
        HarmonisedItem base = TestItems.item(url, title, time, time);
        return new AnnotatedItem(
                new HarmonisedItem(
                        base.id(),
                        new SourceId(source),
                        base.canonicalUrl(),
                        base.title(),
                        base.text(),
                        base.language(),
                        time,
                        time,
                        AdmiraltyGrade.parse("B2"),
                        base.tlp(),
                        base.handling(),
                        base.contentHash(),
                        base.provenance()),
                new ItemAnnotations(
                        List.of(),
                        cve == null ? List.of() : List.of(new ItemAnnotations.Entity("cve", cve, 1, cve)),
                        "test"));
    }

    @Test
    void theDemoHasTooFewLabelledExamplesAndSaysSo() {
        client.post()
                .uri("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:unprocessable")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("too few labelled examples"));
    }

    @Test
    void trainsStoresAndApprovesAModelFromTheInstallsSignal() {
        // mentions in 2019 by news sources; KEV (the demo's authoritative source) reports some ten days later
        List<AnnotatedItem> items = new ArrayList<>();
        Instant start = Instant.parse("2019-01-07T10:00:00Z");
        for (int i = 0; i < 30; i++) {
            String cve = "CVE-2019-" + (7000 + i);
            boolean exploited = i % 3 == 0;
            Instant day = start.plusSeconds(86_400L * i);
            items.add(item(
                    "https://t.example/" + i,
                    cve + (exploited ? " actively exploited" : " fixed"),
                    "news" + i % 4,
                    day,
                    cve));
            items.add(item("https://t.example/o" + i, "Other news", "news" + i % 4, day, null));
            if (exploited) {
                items.add(item("https://t.example/k" + i, cve, "cisa-kev", day.plusSeconds(86_400L * 10), cve));
            }
        }
        signals.record(items);
        String id = null;
        try {
            Map<String, Object> created = client.post()
                    .uri("/api/v1/models")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"from\": \"2019-01-01\", \"to\": \"2019-03-31\", \"seed\": 5}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .value("Location", l -> assertThat(l).startsWith("/api/v1/models/ew-"))
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            Map<String, Object> model = (Map<String, Object>) created.get("model");
            String trained = (String) model.get("id");
            id = trained;
            assertThat(created).containsEntry("current", false).containsEntry("shipped", false);
            assertThat(model)
                    .containsEntry("approved", false)
                    .containsEntry("examples", 30)
                    .containsEntry("positives", 10)
                    .containsEntry("seed", 5)
                    .containsEntry("horizonDays", 90);
            assertThat(getJsonObject("/api/v1/models/" + trained)).containsEntry("current", false);

            Map<String, Object> approved = client.post()
                    .uri("/api/v1/models/" + trained + "/approve")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(approved).containsEntry("current", true);
            assertThat(((List<Map<String, Object>>) getJsonObject("/api/v1/scores?size=1&asOf=" + lastItemDay(database))
                                    .get("items"))
                            .getFirst())
                    .satisfies(v ->
                            assertThat((Map<String, Object>) v.get("score")).containsEntry("modelVersion", trained));
        } finally {
            if (id != null) {
                database.getCollection("models").deleteOne(Filters.eq("_id", id));
            }
            database.getCollection(SignalRepository.COLLECTION).deleteMany(Filters.regex("day", "^2019-"));
        }
    }

    @Test
    void unknownModelsAreNotFoundAndTheShippedOneNeedsNoApproval() {
        client.get()
                .uri("/api/v1/models/no-such-model")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
                .uri("/api/v1/models/no-such-model/approve")
                .exchange()
                .expectStatus()
                .isNotFound();
        String shipped = (String) ((Map<String, Object>) ((List<Map<String, Object>>)
                                getJsonObject("/api/v1/models").get("items"))
                        .getLast()
                        .get("model"))
                .get("id");
        client.post()
                .uri("/api/v1/models/" + shipped + "/approve")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"{\"horizonDays\": 3}|horizonDays", "{\"from\": \"2019-02-30\"}|from", "{\"to\": \"soon\"}|to"})
    void badTrainingRequestsAreProblems(String body, String field) {
        client.post()
                .uri("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo(field);
    }
}
