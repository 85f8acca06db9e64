package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Derived data holds to clearance: a GREEN reader's scores, signals, candidates and evaluation report on a store
 * holding open and RED partner items are exactly those of a store holding the open items only, while the service's
 * own picture (an ADMIN's) counts the partner's items too. Items come in through the real capture pipeline.
 */
class DerivedDataClearanceIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    private static RunningApplication mixed;
    private static RunningApplication openOnly;
    private static WebTestClient greenOnMixed;
    private static WebTestClient greenOnOpen;

    private record Entry(String title, String text, String day) {}

    private static String feed(String source, List<Entry> entries) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(source)
                .append("</title>");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            rss.append("<item><title>")
                    .append(e.title())
                    .append("</title><link>https://")
                    .append(source)
                    .append(".example/a/")
                    .append(i)
                    .append("</link><description>")
                    .append(e.text())
                    .append("</description><pubDate>")
                    .append(e.day())
                    .append(" 10:00:00 GMT</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    private static void feedInto(RunningApplication app, String source, Tlp tlp, List<Entry> entries) {
        byte[] body = feed(source, entries).getBytes(StandardCharsets.UTF_8);
        app.bean(CaptureProcessor.class)
                .process(new Capture(
                        new SourceDefinition(
                                new SourceId(source), "feed", source, null, "en", AdmiraltyGrade.parse("B2"), tlp),
                        "test",
                        URI.create("https://" + source + ".example/rss"),
                        Instant.parse("2026-02-14T00:00:00Z"),
                        "application/rss+xml",
                        body,
                        Digests.sha256Hex(body)));
    }

    private static final List<Entry> OPEN_A = List.of(
            new Entry("Ransomware crews lease botnets", "An old report on ransomware.", "Thu, 01 Jan 2026"),
            new Entry(
                    "BlackSwanX ransomware hits clinics", "The BlackSwanX crew encrypted clinics.", "Tue, 10 Feb 2026"),
            new Entry("BlackSwanX leak site opens", "BlackSwanX published stolen files.", "Wed, 11 Feb 2026"));
    private static final List<Entry> OPEN_B = List.of(
            new Entry("Clinics recover from BlackSwanX", "Ransomware recovery after BlackSwanX.", "Thu, 12 Feb 2026"),
            new Entry("Deepfake voice fraud at a bank", "Voice cloning used in a fraud.", "Thu, 12 Feb 2026"));
    private static final List<Entry> PARTNER = List.of(
            new Entry("Partner note", "An early partner note.", "Mon, 01 Dec 2025"),
            new Entry(
                    "ZorbLaxx loader sold",
                    "ZorbLaxx exploits CVE-2026-1111 in the wild; ransomware follows.",
                    "Tue, 10 Feb 2026"),
            new Entry("ZorbLaxx spreads", "ZorbLaxx and CVE-2026-1111 again, ransomware.", "Wed, 11 Feb 2026"),
            new Entry("ZorbLaxx affiliates", "ZorbLaxx affiliates use CVE-2026-1111.", "Thu, 12 Feb 2026"));

    private static RunningApplication start(String name) {
        return RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create(name),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false");
    }

    @BeforeAll
    static void startBoth() {
        mixed = start("derived-mixed");
        openOnly = start("derived-open");
        for (RunningApplication app : List.of(mixed, openOnly)) {
            feedInto(app, "open-a", Tlp.CLEAR, OPEN_A);
            feedInto(app, "open-b", Tlp.GREEN, OPEN_B);
        }
        feedInto(mixed, "partner", Tlp.RED, PARTNER);
        feedInto(
                mixed,
                "partner-two",
                Tlp.RED,
                List.of(new Entry("ZorbLaxx seen", "The ZorbLaxx gang at a second partner.", "Thu, 12 Feb 2026")));
        greenOnMixed = TestUsers.create(mixed, mixed.client(), "green", "ANALYST", "TLP:GREEN", "none");
        greenOnOpen = TestUsers.create(openOnly, openOnly.client(), "green", "ANALYST", "TLP:GREEN", "none");
    }

    @AfterAll
    static void stop() {
        mixed.close();
        openOnly.close();
    }

    private static String get(WebTestClient client, String uri) {
        return new String(
                client.get()
                        .uri(uri)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult()
                        .getResponseBodyContent(),
                StandardCharsets.UTF_8);
    }

    private static int status(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .returnResult(byte[].class)
                .getStatus()
                .value();
    }

    @Test
    void aGreenReadersAggregatesEqualThoseOfAStoreHoldingOnlyWhatTheyMayRead() {
        List<String> aggregates = new ArrayList<>(List.of(
                "/api/v1/scores?size=100",
                "/api/v1/scores?size=100&asOf=2026-02-12",
                "/api/v1/scores?size=100&asOf=2026-02-12&authoritative=exclude",
                "/api/v1/candidates?size=100&asOf=2026-02-12",
                "/api/v1/candidates?size=100&asOf=2026-02-12&includeRejected=true",
                "/api/v1/technologies/ransomware/signals?from=2026-01-01&to=2026-02-13",
                "/api/v1/technologies/ransomware/signals?from=2025-11-01&to=2026-02-13&interval=week",
                "/api/v1/items?size=50",
                "/api/v1/sources?size=200"));
        for (String uri : aggregates) {
            assertThat(get(greenOnMixed, uri)).as(uri).isEqualTo(get(greenOnOpen, uri));
        }
        for (String uri : List.of("/api/v1/entities/cve/CVE-2026-1111/signals")) {
            assertThat(status(greenOnMixed, uri))
                    .as(uri)
                    .isEqualTo(status(greenOnOpen, uri))
                    .isEqualTo(404);
        }
        // the same reads for an ADMIN do count the partner's items: the test can tell the two stores apart
        assertThat(get(mixed.client(), "/api/v1/candidates?size=100&asOf=2026-02-12"))
                .contains("zorblaxx");
        assertThat(get(mixed.client(), "/api/v1/scores?size=100&asOf=2026-02-12"))
                .contains("CVE-2026-1111");
        assertThat(get(mixed.client(), "/api/v1/technologies/ransomware/signals?from=2026-01-01&to=2026-02-13"))
                .isNotEqualTo(get(
                        greenOnMixed, "/api/v1/technologies/ransomware/signals?from=2026-01-01" + "&to=2026-02-13"));
        assertThat(get(greenOnMixed, "/api/v1/candidates?size=100&asOf=2026-02-12"))
                .doesNotContain("zorblaxx")
                .contains("blackswanx");
    }

    @Test
    void rejectingATermOnlyRestrictedItemsMentionIsNotFoundForWhoCannotReadThem() {
        greenOnMixed
                .post()
                .uri("/api/v1/candidates/zorblaxx/reject")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound();
        greenOnMixed
                .post()
                .uri("/api/v1/candidates/never-mentioned-anywhere/reject")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anEvaluationReportCountsOnlyTheAlertsTheCallerMayRead() {
        mixed.client()
                .put()
                .uri("/api/v1/alert-rules/watch-zorblaxx")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"ZorbLaxx watch\","
                        + " \"type\": \"watchlist\", \"watch\": [\"zorblaxx\"], \"cooldown\": \"P3D\"}")
                .exchange()
                .expectStatus()
                .isOk();
        Map<String, Object> seen = greenOnMixed
                .post()
                .uri("/api/v1/alerts/evaluate")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(seen.get("outcomes").toString()).doesNotContain("RED");
        // the rule did match the partner's RED items: the admin sees the alert the report kept quiet about
        assertThat(mixed.client()
                        .get()
                        .uri("/api/v1/alerts?rule=watch-zorblaxx&size=10")
                        .exchange()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody()
                        .toString())
                .contains("RED");
        assertThat(greenOnMixed
                        .get()
                        .uri("/api/v1/alerts?size=200")
                        .exchange()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody()
                        .toString())
                .doesNotContain("ZorbLaxx");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAlertsAGreenReaderSeesAreThoseAStoreOfWhatTheyMayReadWouldRaise() {
        for (RunningApplication app : List.of(mixed, openOnly)) {
            app.client()
                    .post()
                    .uri("/api/v1/alerts/evaluate")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        Function<WebTestClient, Set<String>> titles = client -> ((List<Map<String, Object>>) client.get()
                        .uri("/api/v1/alerts?size=100")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(MAP)
                        .returnResult()
                        .getResponseBody()
                        .get("items"))
                .stream().map(a -> a.get("title") + " | " + a.get("summary")).collect(Collectors.toSet());
        Set<String> seenOnMixed = titles.apply(greenOnMixed);
        // every alert a GREEN reader sees on the mixed store rests on items they may read only: the store holding
        // only those items raises the very same alert, with the same counts
        assertThat(titles.apply(greenOnOpen)).containsAll(seenOnMixed);
        assertThat(seenOnMixed).isNotEmpty();
        // the full picture reads differently (the partner's sources are active too): the alerts are written as their
        // marking's picture reads, not the service's
        assertThat(get(mixed.client(), "/api/v1/scores?size=100")).contains("of 4 active");
        assertThat(String.join("\n", seenOnMixed)).doesNotContain("of 4 active");
    }

    @Test
    @SuppressWarnings("unchecked")
    void digestLinesQuotingCountsOfRestrictedItemsAreLeftOutForWhoMayNotReadThem() {
        Map<String, Object> digest = mixed.client()
                .post()
                .uri("/api/v1/digests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"audience\": \"analyst\"}")
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        String id = String.valueOf(digest.get("id"));
        String forAdmin = get(mixed.client(), "/api/v1/digests/" + id + ".html");
        String forGreen = get(greenOnMixed, "/api/v1/digests/" + id + ".html");
        assertThat(forAdmin).contains("<td>ransomware (technology)</td>");
        // ransomware's counts include the partner's RED items: its lines are RED; deepfake's are not
        assertThat(forGreen)
                .doesNotContain("ransomware (technology)")
                .doesNotContain("CVE-2026-1111")
                .contains("<td>deepfake (technology)</td>");
    }
}
