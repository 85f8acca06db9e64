package org.ewea.api.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** Full-text search through the API, on items that came in through the real capture pipeline in three languages. */
@SuppressWarnings("unchecked")
class SearchIntegrationTests {

    private static RunningApplication app;

    private static void feed(
            CaptureProcessor processor, String source, String language, Tlp tlp, String title, String text)
            throws Exception {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + source + "</title>"
                + "<language>" + language + "</language><item><title>" + title + "</title><link>https://" + source
                + ".example/1</link><description>" + text + "</description><pubDate>Mon, 02 Mar 2026 10:00:00 GMT"
                + "</pubDate></item></channel></rss>";
        byte[] body = rss.getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        processor.process(new Capture(
                new SourceDefinition(
                        new SourceId(source), "feed", source, null, language, AdmiraltyGrade.parse("B2"), tlp),
                "test",
                URI.create("https://" + source + ".example/rss"),
                Instant.parse("2026-03-02T12:00:00Z"),
                "application/rss+xml",
                body,
                sha));
    }

    @BeforeAll
    static void start() throws Exception {
        app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("search"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false");
        CaptureProcessor processor = app.bean(CaptureProcessor.class);
        feed(
                processor,
                "heise",
                "de",
                Tlp.CLEAR,
                "Betrüger nutzen Stimmklonen gegen Firmen",
                "Mit geklonten Stimmen von Vorgesetzten erbeuten Kriminelle Millionenbeträge von Unternehmen.");
        feed(
                processor,
                "lemonde",
                "fr",
                Tlp.GREEN,
                "Arnaque au président : la nouvelle menace",
                "Les escrocs utilisent le clonage de voix pour imiter les dirigeants et obtenir des virements.");
        feed(
                processor,
                "closed",
                "en",
                Tlp.RED,
                "Voice cloning kit sold on an underground forum",
                "A voice cloning service with a money-back guarantee is advertised to fraudsters.");
        feed(
                processor,
                "hn",
                "en",
                Tlp.CLEAR,
                "Ransomware gangs attacked hospitals",
                "Several ransomware attacks hit clinics this week; the operators demanded payment in bitcoin.");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, Object> get(String uri) {
        return app.client()
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static List<String> titles(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items"))
                .stream().map(i -> (String) i.get("title")).toList();
    }

    @Test
    void aSearchForVoiceCloningFindsTheGermanAndFrenchItemsToo() {
        Map<String, Object> page = get("/api/v1/items?q=voice cloning");
        assertThat(titles(page))
                .contains(
                        "Betrüger nutzen Stimmklonen gegen Firmen",
                        "Arnaque au président : la nouvelle menace",
                        "Voice cloning kit sold on an underground forum")
                .doesNotContain("Ransomware gangs attacked hospitals");
        assertThat((List<String>) page.get("expanded")).contains("voice-cloning");
        assertThat(page).containsKeys("page", "size", "total", "facets");
        Map<String, List<Map<String, Object>>> facets = (Map<String, List<Map<String, Object>>>) page.get("facets");
        assertThat(facets.get("language")).extracting(f -> f.get("value")).contains("de", "fr", "en");
        assertThat(facets.keySet()).contains("technology", "crimeArea", "source", "language", "grade", "month");
    }

    @Test
    void facetFiltersNarrowAndStemmingWorksInTheItemsLanguage() {
        assertThat(titles(get("/api/v1/items?q=voice cloning&language=de")))
                .containsExactly("Betrüger nutzen Stimmklonen gegen Firmen");
        assertThat(titles(get("/api/v1/items?q=attack"))).containsExactly("Ransomware gangs attacked hospitals");
        assertThat(titles(get("/api/v1/items?technology=ransomware&from=2026-03-01&to=2026-03-31")))
                .containsExactly("Ransomware gangs attacked hospitals");
        assertThat(get("/api/v1/items?q=voice cloning&from=2026-04-01")).containsEntry("total", 0);
    }

    @Test
    void hostileQueriesArePlainTextAndBadParametersAreNamed() {
        Map<String, Object> operator = app.client()
                .get()
                .uri("/api/v1/items?q={q}", "{\"$gt\": \"\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(operator).containsEntry("total", 0);
        assertThat(get("/api/v1/items?q=*")).containsEntry("total", 0);
        app.client()
                .get()
                .uri("/api/v1/items?q=x&minRelevance=0.5")
                .exchange()
                .expectStatus()
                .isBadRequest();
        app.client()
                .get()
                .uri("/api/v1/items?q=x&from=yesterday")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("from"));
        app.client()
                .get()
                .uri("/api/v1/items?q=" + "a".repeat(501))
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
