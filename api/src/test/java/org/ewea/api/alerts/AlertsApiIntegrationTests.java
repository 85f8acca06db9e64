package org.ewea.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ewea.api.LiveApplicationTests;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/** The alerts API on the running application with the demo data. */
@SuppressWarnings("unchecked")
class AlertsApiIntegrationTests extends LiveApplicationTests {

    private List<Map<String, Object>> demoAlerts() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ((Number) getJsonObject("/api/v1/alerts?size=1").get("total")).longValue() > 0);
        // sorted by id, so that each test works on an alert of its own whatever the others did first
        return ((List<Map<String, Object>>)
                        getJsonObject("/api/v1/alerts?size=100").get("items"))
                .stream()
                        .sorted(Comparator.comparing(a -> (String) a.get("id")))
                        .toList();
    }

    private Map<String, Object> transition(String id, String body, int status) {
        return client.post()
                .uri("/api/v1/alerts/" + id + "/transitions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @Test
    void theDemoRaisesExplainedAlertsWithEarlyActions() {
        List<Map<String, Object>> alerts = demoAlerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(4).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("title")).asString().isNotBlank();
            assertThat(a.get("summary")).asString().isNotBlank();
            assertThat((List<Object>) a.get("evidence")).isNotEmpty();
        });
        Map<String, Object> detail =
                getJsonObject("/api/v1/alerts/" + alerts.get(3).get("id"));
        assertThat((List<Map<String, Object>>) detail.get("evidence")).isNotEmpty();
        assertThat((List<Map<String, Object>>) detail.get("actions"))
                .isNotEmpty()
                .extracting(a -> a.get("audience"))
                .contains("analyst", "policy");
        assertThat((List<String>) detail.get("next")).containsExactlyInAnyOrder("ACKNOWLEDGED", "DISMISSED");
        anonymous.get().uri("/api/v1/alerts").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theLifecycleIsGuardedOverHttp() {
        String id = (String) demoAlerts().getFirst().get("id");
        Map<String, Object> illegal = transition(id, "{\"to\": \"ACTIONED\", \"note\": \"done\"}", 409);
        assertThat(illegal).containsEntry("type", "urn:ewea:problem:conflict");
        assertThat(illegal.get("detail")).asString().contains("cannot move from NEW to ACTIONED");
        assertThat(transition(id, "{\"to\": \"SHELVED\"}", 400).get("detail"))
                .asString()
                .contains("to:");
        Map<String, Object> acknowledged = transition(id, "{\"to\": \"acknowledged\", \"note\": \"mine\"}", 200);
        assertThat(acknowledged).containsEntry("state", "ACKNOWLEDGED");
        long version = ((Number) acknowledged.get("version")).longValue();
        assertThat(transition(id, "{\"to\": \"ASSESSED\"}", 400).get("errors").toString())
                .contains("assessment");
        assertThat(transition(
                                id,
                                "{\"to\": \"ASSESSED\", \"version\": " + (version - 1) + ", \"assessment\":"
                                        + " {\"grade\": \"B2\", \"likelihood\": 4, \"confidence\": \"medium\"}}",
                                409)
                        .get("detail"))
                .asString()
                .contains("changed by someone else");
        Map<String, Object> assessed = transition(
                id,
                "{\"to\": \"ASSESSED\", \"version\": " + version
                        + ", \"assessment\": {\"grade\": \"B2\", \"likelihood\": 5, \"confidence\": \"high\", \"harm\":"
                        + " {\"physical\": 1, \"psychological\": 2, \"financial\": 4, \"community\": 3, \"societal\": 3,"
                        + " \"geographic\": 4, \"vulnerability\": 2}}}",
                200);
        assertThat((Map<String, Object>) assessed.get("assessment"))
                .containsEntry("grade", "B2")
                .containsKey("rationale");
        assertThat(transition(id, "{\"to\": \"DISMISSED\"}", 400).get("detail"))
                .asString()
                .contains("note");
        Map<String, Object> actioned = transition(id, "{\"to\": \"ACTIONED\", \"note\": \"briefed the board\"}", 200);
        assertThat((List<Map<String, Object>>) actioned.get("history"))
                .extracting(h -> h.get("to"))
                .containsExactly("NEW", "ACKNOWLEDGED", "ASSESSED", "ACTIONED");
        assertThat(transition(id, "{\"to\": \"DISMISSED\", \"note\": \"late\"}", 409)
                        .get("detail"))
                .asString()
                .contains("closed");
        Map<String, Object> audit = getJsonObject("/api/v1/audit?size=100");
        assertThat(audit.toString()).contains("/api/v1/alerts/" + id + "/transitions");
    }

    @Test
    void feedbackIsStoredOnTheAlert() {
        String id = (String) demoAlerts().get(1).get("id");
        client.post()
                .uri("/api/v1/alerts/" + id + "/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.post()
                .uri("/api/v1/alerts/" + id + "/feedback")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"relevant\": false, \"note\": \"already patched everywhere\"}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(((Map<String, Object>) getJsonObject("/api/v1/alerts/" + id).get("alert"))
                        .get("feedback")
                        .toString())
                .contains("relevant=false", "already patched everywhere");
    }

    @Test
    void theStreamResumesAfterTheLastEventSeenThenGoesLive() {
        String id = (String) demoAlerts().get(2).get("id");
        Flux<ServerSentEvent<Map<String, Object>>> resumed = client.get()
                .uri("/api/v1/alerts/stream")
                .header("Last-Event-ID", "1")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();
        List<ServerSentEvent<Map<String, Object>>> backlog =
                resumed.filter(e -> e.data() != null).take(2).collectList().block(Duration.ofSeconds(20));
        assertThat(backlog).extracting(ServerSentEvent::id).containsExactly("2", "3");

        Flux<ServerSentEvent<Map<String, Object>>> live = client.get()
                .uri("/api/v1/alerts/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody();
        var next = live.filter(e -> e.data() != null && id.equals(e.data().get("alertId")))
                .next()
                .toFuture();
        transition(id, "{\"to\": \"DISMISSED\", \"note\": \"duplicate of an older report\"}", 200);
        ServerSentEvent<Map<String, Object>> event =
                next.orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(event.event()).isEqualTo("transition");
        assertThat(event.data()).containsEntry("state", "DISMISSED");
        assertThat(Long.parseLong(event.id())).isGreaterThan(3);
        client.get()
                .uri("/api/v1/alerts/stream")
                .header("Last-Event-ID", "yesterday")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void rulesAreDataTheApiValidatesAndSaves() {
        List<Map<String, Object>> rules = client.get()
                .uri("/api/v1/alert-rules")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(rules)
                .extracting(r -> ((Map<String, Object>) r.get("rule")).get("type"))
                .contains("stage-transition", "score", "priority", "emergence", "watchlist", "collection-gap");
        Map<String, Object> invalid = client.put()
                .uri("/api/v1/alert-rules/bad")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"x\", \"type\": \"stage-transition\", \"stages\": [\"viral\"],"
                        + " \"minScore\": 3}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(invalid.get("detail")).asString().contains("unknown stage 'viral'");
        client.put()
                .uri("/api/v1/alert-rules/ransom-watch")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Ransomware watch\", \"type\": \"watchlist\", \"watch\":"
                        + " [\"ransomware\", \"LockBit\"], \"cooldown\": \"P3D\"}")
                .exchange()
                .expectStatus()
                .isOk();
        Map<String, Object> saved = getJsonObject("/api/v1/alert-rules/ransom-watch");
        assertThat(saved).containsEntry("origin", "api").containsEntry("savedBy", "admin");
        client.delete()
                .uri("/api/v1/alert-rules/ransom-watch")
                .exchange()
                .expectStatus()
                .isNoContent();
        client.get()
                .uri("/api/v1/alert-rules/ransom-watch")
                .exchange()
                .expectStatus()
                .isNotFound();
        client.delete()
                .uri("/api/v1/alert-rules/early-warning")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("enabled: false"));
    }

    @Test
    void recommendationsAreTrackedToDone() {
        demoAlerts();
        Map<String, Object> page = getJsonObject("/api/v1/recommendations?audience=policy&size=5");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) page.get("items");
        assertThat(actions).isNotEmpty().allSatisfy(a -> {
            assertThat(a).containsEntry("audience", "policy").containsEntry("status", "OPEN");
            assertThat(a.get("owner")).asString().isNotBlank();
            assertThat(a.get("due")).asString().matches("\\d{4}-\\d{2}-\\d{2}");
        });
        String id = (String) actions.getFirst().get("id");
        client.patch()
                .uri("/api/v1/recommendations/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\": \"IN_PROGRESS\", \"assignee\": \"pol.officer\", \"version\": 0}")
                .exchange()
                .expectStatus()
                .isOk();
        client.patch()
                .uri("/api/v1/recommendations/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\": \"DONE\", \"version\": 0}")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        client.patch()
                .uri("/api/v1/recommendations/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"status\": \"FINISHED\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(getJsonObject("/api/v1/recommendations?status=IN_PROGRESS&size=100")
                        .toString())
                .contains(id, "pol.officer");
    }

    @Test
    void digestsAreMadeArchivedAndReadAsHtmlAndPdf() throws Exception {
        demoAlerts();
        client.post()
                .uri("/api/v1/digests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"audience\": \"board\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.post()
                .uri("/api/v1/digests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"audience\": \"policy\", \"from\": \"2026-01-10\", \"to\": \"2026-01-01\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        Map<String, String> ids = new HashMap<>();
        for (String audience : List.of("analyst", "policy", "trainer")) {
            Map<String, Object> created = client.post()
                    .uri("/api/v1/digests")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"audience\": \"" + audience + "\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .returnResult()
                    .getResponseBody();
            ids.put(audience, (String) created.get("id"));
        }
        assertThat(((Number) getJsonObject("/api/v1/digests?audience=policy").get("total")).intValue())
                .isGreaterThanOrEqualTo(1);
        String analyst = client.get()
                .uri("/api/v1/digests/" + ids.get("analyst") + ".html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .valueEquals("Content-Security-Policy", DigestsController.CSP)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(analyst).contains("EW/EA analyst digest", "Alerts", "TLP:").doesNotContain("<script");
        // machine provenance: the digest says its lines are machine-derived, by which model, and each alert's review
        assertThat(analyst)
                .contains("Machine-derived: the scores, stages, priorities and alerts below were computed"
                        + " by the model")
                .contains("<th>Reviewed</th>");
        // times to the minute in UTC, not raw instants with nanoseconds
        assertThat(analyst)
                .containsPattern("made \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
                .doesNotContainPattern("made \\d{4}-\\d{2}-\\d{2}T");
        String trainer = client.get()
                .uri("/api/v1/digests/" + ids.get("trainer") + ".html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(trainer).contains("EW/EA trainer pack", "Evidence items for the exercise");
        byte[] pdf = client.get()
                .uri("/api/v1/digests/" + ids.get("policy") + ".pdf")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("EW/EA policy brief", "Recommended early actions");
        }
        client.get()
                .uri("/api/v1/digests/nothing.pdf")
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
