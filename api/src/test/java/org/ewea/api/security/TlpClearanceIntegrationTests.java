package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.collectors.CaptureProcessor;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A user cleared to TLP:AMBER never sees TLP:AMBER+STRICT or TLP:RED material: items, their raw captures, the
 * evidence of scores. Items come in through the real capture pipeline from sources marked CLEAR, AMBER and RED.
 */
@SuppressWarnings("unchecked")
class TlpClearanceIntegrationTests {

    private static final Path DATA = TestDataDirs.create("tlp");
    private static RunningApplication app;
    private static WebTestClient amber;
    private static final List<String> CAPTURES = new ArrayList<>();

    private static String feed(String marking) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(marking).append("</title>");
        for (int i = 0; i < 3; i++) {
            rss.append("<item><title>").append(marking).append(" report ").append(i)
                    .append(": ransomware crew exploits CVE-2026-4242</title><link>https://").append(marking)
                    .append(".example/r/").append(i).append("</link><description>Ransomware affiliates of the ")
                    .append(marking).append(" source.</description><pubDate>Mon, 0").append(2 + i)
                    .append(" Feb 2026 10:00:00 GMT</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    @BeforeAll
    static void start() throws Exception {
        app = RunningApplication.start("ewea.data-dir=" + DATA, "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false");
        CaptureProcessor processor = app.bean(CaptureProcessor.class);
        for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.AMBER, Tlp.RED)) {
            String marking = tlp.name().toLowerCase(java.util.Locale.ROOT);
            byte[] body = feed(marking).getBytes(StandardCharsets.UTF_8);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            CAPTURES.add(sha);
            processor.process(new Capture(new SourceDefinition(new SourceId("src-" + marking), "feed", marking, null,
                    "en", AdmiraltyGrade.parse("B2"), tlp), "test", URI.create("https://" + marking + ".example/rss"),
                    Instant.parse("2026-02-05T00:00:00Z"), "application/rss+xml", body, sha));
        }
        amber = org.ewea.api.TestUsers.create(app, app.client(), "amber", "{\"username\": \"amber\", \"roles\":"
                + " [\"ANALYST\"], \"maxTlp\": \"TLP:AMBER\"}");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, Object> get(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
    }

    @Test
    void itemListingsHoldOnlyClearedItems() {
        Map<String, Object> admin = get(app.client(), "/api/v1/items?size=100");
        assertThat(admin).containsEntry("total", 9);
        Map<String, Object> cleared = get(amber, "/api/v1/items?size=100");
        assertThat(cleared).containsEntry("total", 6);
        List<Map<String, Object>> items = (List<Map<String, Object>>) cleared.get("items");
        assertThat(items).hasSize(6).extracting(i -> i.get("tlp"))
                .containsOnly("TLP:CLEAR", "TLP:AMBER");
        assertThat(items.toString()).doesNotContain("red report").doesNotContain("red.example");
    }

    @Test
    void searchesAndTheirFacetsHoldOnlyClearedItems() {
        Map<String, Object> found = get(amber, "/api/v1/items?q=ransomware&size=100");
        assertThat(found).containsEntry("total", 6);
        assertThat(found.toString()).doesNotContain("red report", "red.example");
        Map<String, List<Map<String, Object>>> facets = (Map<String, List<Map<String, Object>>>) found.get("facets");
        assertThat(facets.get("source")).extracting(f -> f.get("value")).containsExactlyInAnyOrder("src-clear",
                "src-amber");
        assertThat(get(app.client(), "/api/v1/items?q=ransomware&size=100")).containsEntry("total", 9);
    }

    @Test
    void rawCapturesAboveTheClearanceAreNotFound() {
        amber.get().uri("/api/v1/captures/" + CAPTURES.get(1)).exchange().expectStatus().isOk();
        amber.get().uri("/api/v1/captures/" + CAPTURES.get(1) + "/raw").exchange().expectStatus().isOk();
        amber.get().uri("/api/v1/captures/" + CAPTURES.get(2)).exchange().expectStatus().isNotFound();
        amber.get().uri("/api/v1/captures/" + CAPTURES.get(2) + "/raw").exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("red report"));
        app.client().get().uri("/api/v1/captures/" + CAPTURES.get(2) + "/raw").exchange().expectStatus().isOk();
    }

    @Test
    void scoreEvidenceHoldsOnlyClearedItems() {
        for (String kind : List.of("technology", "cve")) {
            List<Map<String, Object>> scores = (List<Map<String, Object>>) get(amber,
                    "/api/v1/scores?asOf=2026-02-05&size=100&kind=" + kind).get("items");
            assertThat(scores).isNotEmpty();
            for (Map<String, Object> view : scores) {
                assertThat((List<Map<String, Object>>) view.get("evidence")).isNotEmpty()
                        .allSatisfy(item -> assertThat(item.get("tlp")).isIn("TLP:CLEAR", "TLP:AMBER"));
            }
            List<Map<String, Object>> adminScores = (List<Map<String, Object>>) get(app.client(),
                    "/api/v1/scores?asOf=2026-02-05&size=100&kind=" + kind).get("items");
            assertThat(adminScores.toString()).contains("TLP:RED");
        }
    }

    @Test
    void alertsTheirEventsAndTheirRecommendationsHoldOnlyClearedOnes() {
        org.ewea.alerts.rule.AlertRule rule = app.bean(org.ewea.alerts.rule.RuleBook.class).find("stage-emerging")
                .orElseThrow().rule();
        var raiser = app.bean(org.ewea.alerts.lifecycle.AlertRaiser.class);
        var planner = app.bean(org.ewea.alerts.action.ActionPlanner.class);
        List<String> ids = new ArrayList<>();
        for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.AMBER, Tlp.RED)) {
            String series = switch (tlp) {
                case CLEAR -> "drones";
                case AMBER -> "voice-cloning";
                default -> "deepfake-video";
            };
            var alert = raiser.raise(new org.ewea.alerts.alert.Trigger(rule,
                    new org.ewea.alerts.alert.Subject("technology", series, series + " " + tlp.name() + " alert"),
                    series + " entered the emerging stage", "marked " + tlp.label(), 0.6, "emerging", "P2",
                    "digital-fraud", tlp, org.ewea.methodology.Handling.NONE, "C3", List.of(), Map.of(), java.time.LocalDate.parse("2026-02-05"))).alert();
            planner.plan(alert);
            ids.add(alert.id());
        }
        Map<String, Object> listed = get(amber, "/api/v1/alerts?size=100");
        assertThat(listed.toString()).contains("CLEAR alert", "AMBER alert").doesNotContain("RED alert");
        amber.get().uri("/api/v1/alerts/" + ids.get(1)).exchange().expectStatus().isOk();
        amber.get().uri("/api/v1/alerts/" + ids.get(2)).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("RED alert"));
        amber.post().uri("/api/v1/alerts/" + ids.get(2) + "/transitions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\": \"ACKNOWLEDGED\"}").exchange().expectStatus().isNotFound();
        assertThat(get(app.client(), "/api/v1/alerts?size=100").toString()).contains("RED alert");

        String recommendations = get(amber, "/api/v1/recommendations?size=100").toString();
        assertThat(recommendations).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
        assertThat(get(app.client(), "/api/v1/recommendations?size=100&alertId=" + ids.get(2)))
                .extractingByKey("total").isNotEqualTo(0);

        List<String> streamed = amber.get().uri("/api/v1/alerts/stream?lastEventId=0")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<org.springframework.http.codec.ServerSentEvent<
                        Map<String, Object>>>() { })
                .getResponseBody().filter(e -> e.data() != null).take(java.time.Duration.ofSeconds(3))
                .map(e -> String.valueOf(e.data().get("alertId"))).collectList().block();
        assertThat(streamed).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));

        Map<String, Object> digest = app.client().post().uri("/api/v1/digests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"audience\": \"analyst\", \"from\": \"2026-02-01\", \"to\": \"2026-02-05\"}")
                .exchange().expectStatus().isCreated().expectBody(new ParameterizedTypeReference<Map<String, Object>>()
                        { }).returnResult().getResponseBody();
        String uri = "/api/v1/digests/" + digest.get("id") + ".html";
        String forAmber = amber.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        String forAdmin = app.client().get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(forAdmin).contains("deepfake-video entered the emerging stage", "TLP:RED");
        assertThat(forAmber).contains("voice-cloning entered the emerging stage", "not shown")
                .doesNotContain("deepfake-video entered", "TLP:RED");

        String stixForAmber = amber.get().uri("/api/v1/exports/stix?from=2026-02-01&to=2026-02-10").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(stixForAmber).contains("voice-cloning entered the emerging stage", "report")
                .doesNotContain("deepfake-video entered", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
        String stixForAdmin = app.client().get().uri("/api/v1/exports/stix?from=2026-02-01&to=2026-02-10").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(stixForAdmin).contains("deepfake-video entered", "marking-definition--e828b379");
        // what the API answers, as a receiver reads it, by the official OASIS STIX 2.1 schemas
        org.ewea.alerts.export.StixSchemas.find().ifPresent(schemas -> {
            assertThat(schemas.bundleErrors(stixForAmber)).as("AMBER reader's export").isEmpty();
            assertThat(schemas.bundleErrors(stixForAdmin)).as("admin's export").isEmpty();
        });
        String mispForAmber = amber.get().uri("/api/v1/exports/misp?from=2026-02-01&to=2026-02-10").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(mispForAmber).contains("tlp:amber").doesNotContain("tlp:red", "deepfake-video");
        amber.get().uri("/api/v1/exports/stix?from=2026-03-01&to=2026-02-01").exchange().expectStatus()
                .isBadRequest();
        assertThat(get(app.client(), "/api/v1/audit?size=200").toString()).contains("EXPORT");
    }
}
