package org.ewea.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.api.TestUsers;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.scoring.relevance.ItemRelevance;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The relevance feedback loop: analysts judge items, an admin retrains the relevance model with CTI-ANN and their
 * verdicts, sees its held-out figures beside the model in use, approves it, and every item is rescored with it.
 */
class RelevanceModelsIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private static List<Map<String, Object>> items(WebTestClient client) {
        return (List<Map<String, Object>>) client.get()
                .uri("/api/v1/items?size=50")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody()
                .get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void analystsVerdictsRetrainTheModelAndAnApprovedModelRescoresEveryItem() {
        try (RunningApplication app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("feedback"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false")) {
            WebTestClient admin =
                    app.client().mutate().responseTimeout(Duration.ofMinutes(5)).build();
            StringBuilder rss =
                    new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>forum" + "</title>");
            for (int i = 0; i < 8; i++) {
                rss.append("<item><title>")
                        .append(
                                i % 2 == 0
                                        ? "Selling fresh combo lists and bank logs, batch "
                                        : "Our bakery opens a new shop downtown, visit ")
                        .append(i)
                        .append("</title><link>" + "https://forum.example/")
                        .append(i)
                        .append("</link><description>")
                        .append(
                                i % 2 == 0
                                        ? "Escrow accepted, contact on the usual channel."
                                        : "Fresh bread every morning.")
                        .append("</description></item>");
            }
            byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
            app.bean(CaptureProcessor.class)
                    .process(new Capture(
                            new SourceDefinition(
                                    new SourceId("forum"),
                                    "feed",
                                    "Forum",
                                    null,
                                    "en",
                                    AdmiraltyGrade.parse("C3"),
                                    Tlp.CLEAR),
                            "test",
                            URI.create("https://forum.example/rss"),
                            Instant.parse("2026-01-05T10:00:00Z"),
                            "application/rss+xml",
                            body,
                            Digests.sha256Hex(body)));
            List<Map<String, Object>> stored = items(admin);
            assertThat(stored).hasSize(8);
            String shipped = ItemRelevance.shipped().id();
            assertThat(stored)
                    .allSatisfy(i -> assertThat(((Map<String, Object>) i.get("relevance")).get("model"))
                            .isEqualTo(shipped));

            WebTestClient analyst = TestUsers.create(app, admin, "ana", "ANALYST", "TLP:AMBER", "none");
            WebTestClient policy = TestUsers.create(app, admin, "pol", "POLICY", "TLP:AMBER", "none");
            String first = (String) stored.getFirst().get("id");
            policy.post()
                    .uri("/api/v1/items/" + first + "/feedback")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"relevant\": true}")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            analyst.post()
                    .uri("/api/v1/items/" + first + "/feedback")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType("application/problem+json");
            analyst.post()
                    .uri("/api/v1/items/nope/feedback")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"relevant\": true}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest();
            analyst.post()
                    .uri("/api/v1/items/" + "0".repeat(32) + "/feedback")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"relevant\": true}")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            admin.post()
                    .uri("/api/v1/relevance-models")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(422)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d).contains("too few"));

            for (Map<String, Object> item : stored) {
                boolean relevant = ((String) item.get("title")).startsWith("Selling");
                analyst.post()
                        .uri("/api/v1/items/" + item.get("id") + "/feedback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"relevant\": " + relevant + "}")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.label")
                        .isEqualTo(relevant);
            }
            analyst.get()
                    .uri("/api/v1/items/" + first + "/feedback")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.verdicts[0].user")
                    .isEqualTo("ana");

            analyst.post()
                    .uri("/api/v1/relevance-models")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            Map<String, Object> trained = admin.post()
                    .uri("/api/v1/relevance-models")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(MAP)
                    .returnResult()
                    .getResponseBody();
            String id = (String) trained.get("id");
            assertThat(id).startsWith("relevance-");
            assertThat(trained)
                    .containsEntry("ctiAnnExamples", 2500)
                    .containsEntry("feedbackExamples", 8)
                    .containsEntry("feedbackPositives", 4)
                    .containsEntry("approved", null);
            assertThat((Map<String, Object>) trained.get("metrics"))
                    .containsKeys("judged-f1", "judged-pr-auc", "judged-model-in-use-f1", "judged-model-in-use-pr-auc");
            admin.get()
                    .uri("/api/v1/relevance-models")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.items[0].id")
                    .isEqualTo(id)
                    .jsonPath("$.current")
                    .isEqualTo(shipped);

            admin.post()
                    .uri("/api/v1/relevance-models/nope/approve")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            admin.post()
                    .uri("/api/v1/relevance-models/" + id + "/approve")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.approvedBy")
                    .isEqualTo("admin");
            admin.get()
                    .uri("/api/v1/relevance-models")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.current")
                    .isEqualTo(id);
            Awaitility.await()
                    .atMost(Duration.ofMinutes(2))
                    .untilAsserted(() -> assertThat(items(admin))
                            .allSatisfy(i -> assertThat(((Map<String, Object>) i.get("relevance")).get("model"))
                                    .isEqualTo(id)));
            double sale = items(admin).stream()
                    .filter(i -> ((String) i.get("title")).startsWith("Selling"))
                    .mapToDouble(
                            i -> ((Number) ((Map<String, Object>) i.get("relevance")).get("probability")).doubleValue())
                    .min()
                    .orElseThrow();
            double bakery = items(admin).stream()
                    .filter(i -> ((String) i.get("title")).startsWith("Our bakery"))
                    .mapToDouble(
                            i -> ((Number) ((Map<String, Object>) i.get("relevance")).get("probability")).doubleValue())
                    .max()
                    .orElseThrow();
            assertThat(sale).as("the judged material is read as judged").isGreaterThan(bakery);
        }
    }
}
