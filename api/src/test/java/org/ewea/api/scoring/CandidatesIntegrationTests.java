package org.ewea.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
import org.springframework.http.MediaType;

/** A new name that appears across sources becomes a candidate; analysts accept or reject it. */
@SuppressWarnings("unchecked")
class CandidatesIntegrationTests {

    private static final LocalDate START = LocalDate.parse("2026-03-01");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static RunningApplication app;

    private static void capture(CaptureProcessor processor, String source, LocalDate day, String... titles)
            throws Exception {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(source)
                .append("</title>");
        for (int i = 0; i < titles.length; i++) {
            rss.append("<item><title>")
                    .append(titles[i])
                    .append("</title><link>https://")
                    .append(source)
                    .append(".example/")
                    .append(day)
                    .append('/')
                    .append(i)
                    .append("</link><description>")
                    .append("Analysts said the ")
                    .append(titles[i].contains("Fangtooth") ? "Fangtooth" : "usual")
                    .append(" operators were active.</description><pubDate>")
                    .append(RFC_1123.format(day.atTime(9, 0).toInstant(ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        byte[] body = rss.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        processor.process(new Capture(
                new SourceDefinition(
                        new SourceId(source), "feed", source, null, "en", AdmiraltyGrade.parse("B2"), Tlp.CLEAR),
                "test",
                URI.create("https://" + source + ".example/rss"),
                day.atTime(23, 0).toInstant(ZoneOffset.UTC),
                "application/rss+xml",
                body,
                sha));
    }

    @BeforeAll
    static void start() throws Exception {
        app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("candidates"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false");
        CaptureProcessor processor = app.bean(CaptureProcessor.class);
        for (int d = 0; d < 60; d++) {
            capture(processor, "news" + d % 3, START.plusDays(d), "Weekly security round-up " + d);
        }
        for (int d = 0; d < 4; d++) {
            capture(
                    processor,
                    "news" + d % 3,
                    START.plusDays(60 + d),
                    "Fangtooth crew claims attack " + d,
                    "Weekly security round-up " + (60 + d));
        }
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

    @Test
    void aSuddenNewNameIsListedWithItsEvidenceAndDecisionsAreRecorded() {
        Map<String, Object> page = get("/api/v1/candidates");
        assertThat(page).containsEntry("asOf", START.plusDays(63).toString());
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items)
                .extracting(v -> ((Map<String, Object>) v.get("candidate")).get("id"))
                .containsExactly("fangtooth");
        Map<String, Object> c = (Map<String, Object>) items.getFirst().get("candidate");
        assertThat(c)
                .containsEntry("label", "Fangtooth")
                .containsEntry("firstSeen", START.plusDays(60).toString())
                .containsEntry("items", 4)
                .containsEntry("sources", 3)
                .containsEntry("status", "NEW");
        assertThat((List<Map<String, Object>>) items.getFirst().get("evidence"))
                .hasSize(3)
                .allSatisfy(i -> assertThat((String) i.get("title")).contains("Fangtooth"));
        assertThat((Map<String, Object>) items.getFirst().get("provenance"))
                .containsEntry("assistanceLevel", "ai-generated")
                .containsEntry("reviewLevel", "unreviewed");

        // the shipped new-name rule alerts on dark-web candidates only; with open ones too, it tells analysts before
        // anyone has looked at the candidate
        app.client()
                .post()
                .uri("/api/v1/alerts/evaluate")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat((List<Map<String, Object>>) get("/api/v1/alerts?size=50").get("items"))
                .noneMatch(a -> "new-name".equals(a.get("ruleId")));
        app.client()
                .put()
                .uri("/api/v1/alert-rules/new-name")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"New name\", \"type\": \"novel-term\", \"kinds\": [\"dark-web\", \"open\"],"
                        + " \"withinDays\": 7, \"cooldown\": \"P30D\"}")
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        app.client()
                .post()
                .uri("/api/v1/alerts/evaluate")
                .exchange()
                .expectStatus()
                .isOk();
        List<Map<String, Object>> alerts =
                (List<Map<String, Object>>) get("/api/v1/alerts?size=50").get("items");
        assertThat(alerts)
                .filteredOn(a -> "new-name".equals(a.get("ruleId")))
                .singleElement()
                .satisfies(a -> {
                    assertThat((String) a.get("title")).isEqualTo("New name: Fangtooth (4 item(s) from 3 sources)");
                    assertThat((Map<String, Object>) a.get("subject"))
                            .containsEntry("kind", "novel-term")
                            .containsEntry("id", "fangtooth");
                    assertThat((List<Object>) a.get("evidence")).isNotEmpty();
                });

        app.client()
                .post()
                .uri("/api/v1/candidates/fangtooth/accept")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"technology\": \"no-such-entry\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        Map<String, Object> accepted = app.client()
                .post()
                .uri("/api/v1/candidates/Fangtooth/accept")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"technology\": \"ransomware\", \"note\": \"new brand\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((String) accepted.get("taxonomySnippet"))
                .contains("id: ransomware")
                .contains("[Fangtooth]");
        assertThat((Map<String, Object>) accepted.get("decision"))
                .containsEntry("user", "admin")
                .containsEntry("status", "ACCEPTED")
                .containsEntry("technology", "ransomware");
        assertThat(((Map<String, Object>) ((List<Map<String, Object>>)
                                        get("/api/v1/candidates").get("items"))
                                .getFirst()
                                .get("candidate"))
                        .get("status"))
                .isEqualTo("ACCEPTED");
        assertThat((Map<String, Object>)
                        ((List<Map<String, Object>>) get("/api/v1/candidates").get("items"))
                                .getFirst()
                                .get("provenance"))
                .containsEntry("reviewLevel", "human-reviewed");

        // accepted: tracked as a series of its own, built from its history, scored, and kept up to date
        List<Map<String, Object>> scores =
                (List<Map<String, Object>>) get("/api/v1/scores?kind=term").get("items");
        assertThat(scores).singleElement().satisfies(v -> {
            Map<String, Object> score = (Map<String, Object>) v.get("score");
            assertThat(score)
                    .containsEntry("series", "term:fangtooth")
                    .containsEntry("kind", "term")
                    .containsEntry("evidenceCount", 4);
            assertThat((List<Object>) v.get("evidence")).hasSize(3);
        });
        Map<String, Object> series =
                get("/api/v1/entities/term/Fangtooth/signals?from=" + START.plusDays(59) + "&to=" + START.plusDays(63));
        assertThat(series)
                .containsEntry("series", "term:fangtooth")
                .containsEntry("firstSeen", START.plusDays(60).toString());
        assertThat((List<Map<String, Object>>) series.get("points"))
                .extracting(p -> p.get("count"))
                .containsExactly(0, 1, 1, 1, 1);
        try {
            capture(app.bean(CaptureProcessor.class), "news9", START.plusDays(63), "Fangtooth again");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat((List<Map<String, Object>>) get("/api/v1/scores?kind=term").get("items"))
                .singleElement()
                .satisfies(v -> assertThat((Map<String, Object>) v.get("score")).containsEntry("evidenceCount", 5));

        app.client()
                .post()
                .uri("/api/v1/candidates/fangtooth/reject")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\": \"a vendor codename after all\"}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat((List<Object>) get("/api/v1/candidates").get("items")).isEmpty();
        assertThat((List<Object>) get("/api/v1/candidates?includeRejected=true").get("items"))
                .hasSize(1);
        app.client()
                .post()
                .uri("/api/v1/candidates/fangtooth/reject")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\": \"" + "x".repeat(2001) + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("note");
        app.client()
                .post()
                .uri("/api/v1/candidates/never-seen/reject")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat((List<Object>)
                        get("/api/v1/candidates?asOf=" + START.plusDays(59)).get("items"))
                .isEmpty();
        assertThat(String.valueOf(get("/api/v1/candidates?asOf=" + START.plusDays(30))
                                .get("items"))
                        .toLowerCase(Locale.ROOT))
                .doesNotContain("round-up");
    }
}
