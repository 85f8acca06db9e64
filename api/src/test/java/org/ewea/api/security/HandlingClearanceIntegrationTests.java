package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.api.TestUsers;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Handling;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Handling clearance, the second half of need-to-know: a user cleared to TLP:RED but only for Europol handling code H1
 * never sees material a partner provided under H2 (not to be disseminated without the provider's permission), on any
 * read path: items, search and its facets, raw captures, score evidence, alerts raised from it by the real rule
 * engine, their events and stream, recommendations, digests and exports. Items come in through the real capture
 * pipeline from an unrestricted source and a partner source whose catalogue entry carries the handling code.
 */
@SuppressWarnings("unchecked")
class HandlingClearanceIntegrationTests {

    private static final Path DATA = TestDataDirs.create("handling");
    private static RunningApplication app;
    private static WebTestClient redH1;
    private static WebTestClient greenH2;
    private static String partnerCapture;

    private static String feed(String name, String word) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(name)
                .append("</title>");
        for (int i = 0; i < 3; i++) {
            rss.append("<item><title>")
                    .append(name)
                    .append(" report ")
                    .append(i)
                    .append(": ransomware crew sells ")
                    .append(word)
                    .append(" access</title><link>https://")
                    .append(name)
                    .append(".example/r/")
                    .append(i)
                    .append("</link><description>Ransomware affiliates")
                    .append(" buy ")
                    .append(word)
                    .append(" kits, says the ")
                    .append(name)
                    .append(" source.</description><pubDate>Mon, 0")
                    .append(2 + i)
                    .append(" Feb 2026 10:00:00 GMT</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    private static String capture(String name, String word, Handling handling) throws Exception {
        byte[] body = feed(name, word).getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        app.bean(CaptureProcessor.class)
                .process(new Capture(
                        new SourceDefinition(
                                new SourceId("src-" + name),
                                "feed",
                                name,
                                null,
                                "en",
                                AdmiraltyGrade.parse("B2"),
                                Tlp.GREEN,
                                handling),
                        "test",
                        URI.create("https://" + name + ".example/rss"),
                        Instant.parse("2026-02-05T00:00:00Z"),
                        "application/rss+xml",
                        body,
                        sha));
        return sha;
    }

    private static WebTestClient user(String name, String maxTlp, String maxHandling) {
        return TestUsers.create(app, app.client(), name, "ANALYST", maxTlp, maxHandling);
    }

    @BeforeAll
    static void start() throws Exception {
        app = RunningApplication.start(
                "ewea.data-dir=" + DATA, "ewea.demo-enabled=false", "ewea.collectors.scheduler-enabled=false");
        var codes = app.bean(Methodology.class).grading().handlingCodes();
        capture("open", "phishing", Handling.NONE);
        partnerCapture = capture("partner", "krakenloader", codes.parse("europol:H2"));
        redH1 = user("red.h1", "TLP:RED", "europol:H1");
        greenH2 = user("green.h2", "TLP:GREEN", "H2");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, Object> get(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static String text(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void usersCarryAHandlingClearanceThatAdminsSetAndChange() {
        assertThat(get(redH1, "/api/v1/me").get("maxHandling")).asString().contains("H1");
        Map<String, Object> invalid = app.client()
                .post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"x.y\", \"roles\": [\"POLICY\"], \"maxHandling\": \"H9\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(invalid.toString()).contains("maxHandling", "unknown handling code 'H9'", "europol:H3");
        app.client()
                .post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"no.roles\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("at least one role"));
        app.client()
                .patch()
                .uri("/api/v1/users/nobody")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"maxHandling\": \"none\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
        redH1.patch()
                .uri("/api/v1/users/red.h1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"maxHandling\": \"all\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(get(app.client(), "/api/v1/methodology/handling-codes").toString())
                .contains("europol", "H2", "uk-3x5x2", "restriction");
    }

    @Test
    void sourcesTakeAValidatedHandlingCodeForTheirItems() {
        Map<String, Object> invalid = app.client()
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"bad-handling\", \"url\": \"https://partner.example/feed\", \"handling\":"
                        + " \"europol:H7\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(invalid.toString()).contains("handling", "unknown handling code");
        Map<String, Object> created = app.client()
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"partner-feed\", \"url\":"
                        + " \"https://partner.example/feed\", \"handling\": \"uk-3x5x2:C\", \"enabled\": false}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(created).containsEntry("handling", "uk-3x5x2:C");
    }

    @Test
    void itemsSearchesCapturesAndEvidenceHoldOnlyTheHandlingCodesTheReaderIsClearedFor() {
        assertThat(get(app.client(), "/api/v1/items?size=100")).containsEntry("total", 6);
        Map<String, Object> listed = get(redH1, "/api/v1/items?size=100");
        assertThat(listed).containsEntry("total", 3);
        assertThat(listed.toString()).doesNotContain("krakenloader", "partner.example");
        Map<String, Object> all = get(greenH2, "/api/v1/items?size=100");
        assertThat(all).containsEntry("total", 6);
        assertThat((List<Map<String, Object>>) all.get("items"))
                .extracting(i -> i.get("handling"))
                .containsOnly("none", "europol:H2");

        Map<String, Object> found = get(redH1, "/api/v1/items?q=ransomware&size=100");
        assertThat(found).containsEntry("total", 3);
        assertThat(found.toString()).doesNotContain("krakenloader", "src-partner");
        assertThat(get(redH1, "/api/v1/items?q=krakenloader")).containsEntry("total", 0);
        assertThat(get(greenH2, "/api/v1/items?q=krakenloader")).containsEntry("total", 3);

        redH1.get()
                .uri("/api/v1/captures/" + partnerCapture)
                .exchange()
                .expectStatus()
                .isNotFound();
        redH1.get()
                .uri("/api/v1/captures/" + partnerCapture + "/raw")
                .exchange()
                .expectStatus()
                .isNotFound();
        greenH2.get()
                .uri("/api/v1/captures/" + partnerCapture + "/raw")
                .exchange()
                .expectStatus()
                .isOk();

        List<Map<String, Object>> scores =
                (List<Map<String, Object>>) get(redH1, "/api/v1/scores?asOf=2026-02-05&size=100&kind=technology")
                        .get("items");
        assertThat(scores).isNotEmpty();
        assertThat(scores.toString()).doesNotContain("krakenloader");
        assertThat(get(greenH2, "/api/v1/scores?asOf=2026-02-05&size=100&kind=technology")
                        .toString())
                .contains("krakenloader");
    }

    @Test
    void alertsRaisedFromRestrictedEvidenceAndEverythingMadeOfThemHoldTheHandlingCode() {
        app.client()
                .put()
                .uri("/api/v1/alert-rules/kraken-watch")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Kraken watch\", \"type\": \"watchlist\", \"watch\": [\"krakenloader\"],"
                        + " \"cooldown\": \"P3D\"}")
                .exchange()
                .expectStatus()
                .isOk();
        app.client()
                .post()
                .uri("/api/v1/alerts/evaluate")
                .exchange()
                .expectStatus()
                .isOk();
        List<Map<String, Object>> raised = (List<Map<String, Object>>)
                get(app.client(), "/api/v1/alerts?rule=kraken-watch&size=10").get("items");
        assertThat(raised).hasSize(1);
        Map<String, Object> alert = raised.getFirst();
        assertThat(alert.get("handling").toString()).contains("H2");
        String id = (String) alert.get("id");

        assertThat(get(redH1, "/api/v1/alerts?size=100").toString()).doesNotContain(id, "krakenloader");
        redH1.get().uri("/api/v1/alerts/" + id).exchange().expectStatus().isNotFound();
        redH1.post()
                .uri("/api/v1/alerts/" + id + "/transitions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\": \"ACKNOWLEDGED\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
        greenH2.get().uri("/api/v1/alerts/" + id).exchange().expectStatus().isOk();
        // a technology alert from the same evidence gets playbook recommendations, marked like it
        var restricted = app.bean(AlertRaiser.class)
                .raise(new Trigger(
                        app.bean(RuleBook.class)
                                .find("stage-emerging")
                                .orElseThrow()
                                .rule(),
                        new Subject("technology", "infostealers", "Infostealers"),
                        "Infostealers entered the emerging stage",
                        "partner reporting",
                        0.6,
                        "emerging",
                        "P2",
                        "digital-fraud",
                        Tlp.GREEN,
                        app.bean(Methodology.class).grading().handlingCodes().parse("H2"),
                        "B2",
                        List.of(),
                        Map.of(),
                        LocalDate.parse("2026-02-05")))
                .alert();
        assertThat(app.bean(ActionPlanner.class).plan(restricted)).isNotEmpty();
        assertThat(get(redH1, "/api/v1/recommendations?alertId=" + restricted.id()))
                .containsEntry("total", 0);
        assertThat(get(greenH2, "/api/v1/recommendations?alertId=" + restricted.id())
                        .get("total"))
                .isNotEqualTo(0);

        List<String> streamed = redH1.get()
                .uri("/api/v1/alerts/stream?lastEventId=0")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody()
                .filter(e -> e.data() != null)
                .take(Duration.ofSeconds(3))
                .map(e -> String.valueOf(e.data().get("alertId")))
                .collectList()
                .block();
        assertThat(streamed).doesNotContain(id);

        Map<String, Object> digest = app.client()
                .post()
                .uri("/api/v1/digests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"audience\": \"trainer\", \"from\": \"2026-02-01\", \"to\": \"2026-02-05\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        String uri = "/api/v1/digests/" + digest.get("id") + ".html";
        assertThat(text(greenH2, uri)).contains("krakenloader", "europol:H2");
        assertThat(text(redH1, uri))
                .doesNotContain("krakenloader", "europol:H2")
                .contains("not shown");
        redH1.get()
                .uri("/api/v1/digests/" + digest.get("id") + ".pdf")
                .exchange()
                .expectStatus()
                .isOk();

        String stix = "/api/v1/exports/stix?from=2026-02-01&to=2026-02-28";
        assertThat(text(redH1, stix)).doesNotContain("krakenloader");
        assertThat(text(greenH2, stix)).contains("krakenloader");
        assertThat(text(redH1, "/api/v1/exports/misp?from=2026-02-01&to=2026-02-28"))
                .doesNotContain("krakenloader");

        // a change of clearance takes effect on the next request
        app.client()
                .patch()
                .uri("/api/v1/users/red.h1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"maxHandling\": \"europol:H3\"}")
                .exchange()
                .expectStatus()
                .isOk();
        redH1.get().uri("/api/v1/alerts/" + id).exchange().expectStatus().isOk();
        app.client()
                .patch()
                .uri("/api/v1/users/red.h1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"maxHandling\": \"europol:H1\"}")
                .exchange()
                .expectStatus()
                .isOk();
        redH1.get().uri("/api/v1/alerts/" + id).exchange().expectStatus().isNotFound();
    }
}
