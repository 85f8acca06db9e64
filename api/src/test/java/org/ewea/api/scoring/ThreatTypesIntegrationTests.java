package org.ewea.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ParameterizedTypeReference;

/**
 * EWEA_SCORING_THREAT_TYPES_DATA: the service trains a threat-type model from the labelled articles at start, types
 * every item it stores, and lists items by type; a file it cannot train on stops the start naming file and line.
 */
class ThreatTypesIntegrationTests {

    private static Path articles() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            lines.add("{\"title\":\"Hospital hit\",\"text\":\"The gang encrypted the servers and demands a ransom in"
                    + " bitcoin for the decryptor " + i + "\",\"event_types\":[\"Ransom\"]}");
            lines.add("{\"title\":\"Fake login\",\"text\":\"A phishing e-mail lured staff to a fake login page that"
                    + " stole passwords " + i + "\",\"event_types\":[\"Phishing\"]}");
            lines.add("{\"title\":\"Results\",\"text\":\"The company reports higher revenue and opens an office " + i
                    + "\",\"event_types\":[]}");
        }
        Path file = TestDataDirs.create("threat-types").resolve("articles.jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void typesStoredItemsAndListsThemByType() throws Exception {
        try (RunningApplication app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("typed"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.scoring.threat-types-data=" + articles())) {
            String rss = """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>news</title>
                    <item><title>Clinic attacked</title><link>https://news.example/1</link><description>Criminals
                    encrypted the clinic's servers and demand a ransom in bitcoin for the decryptor.</description></item>
                    <item><title>Record quarter</title><link>https://news.example/2</link><description>The company
                    reports higher revenue and opens a new office.</description></item>
                    </channel></rss>""";
            byte[] body = rss.getBytes(StandardCharsets.UTF_8);
            app.bean(CaptureProcessor.class)
                    .process(new Capture(
                            new SourceDefinition(
                                    new SourceId("news"),
                                    "feed",
                                    "News",
                                    null,
                                    "en",
                                    AdmiraltyGrade.parse("B2"),
                                    Tlp.CLEAR),
                            "test",
                            URI.create("https://news.example/rss"),
                            Instant.parse("2026-01-05T10:00:00Z"),
                            "application/rss+xml",
                            body,
                            Digests.sha256Hex(body)));

            Map<String, Object> ransom = app.client()
                    .get()
                    .uri("/api/v1/items?threatType=Ransom")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .returnResult()
                    .getResponseBody();
            assertThat(ransom).containsEntry("total", 1);
            Map<String, Object> item = ((List<Map<String, Object>>) ransom.get("items")).getFirst();
            assertThat(item).containsEntry("title", "Clinic attacked");
            Map<String, Object> relevance = (Map<String, Object>) item.get("relevance");
            assertThat((List<String>) relevance.get("threatTypes")).containsExactly("Ransom");
            assertThat((String) relevance.get("model"))
                    .startsWith("relevance-cti-ann-")
                    .contains("+threat-types-");
            app.client()
                    .get()
                    .uri("/api/v1/items?threatType=Phishing")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.total")
                    .isEqualTo(0);
            app.client()
                    .get()
                    .uri("/api/v1/items?threatType=<script>")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType("application/problem+json")
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d).contains("threatType"));
            app.client()
                    .get()
                    .uri("/api/v1/items?threatType=Ransom&q=clinic")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d).contains("cannot be combined"));
        }
    }

    @Test
    void aFileItCannotTrainOnStopsTheStartNamingFileAndLine() throws Exception {
        Path file = TestDataDirs.create("bad-threat-types").resolve("articles.jsonl");
        Files.writeString(file, "{\"title\":\"a\",\"text\":\"b\",\"event_types\":[\"Ransom\"]}\n{oops\n");
        Throwable failure = catchThrowable(() -> RunningApplication.start(
                        "ewea.data-dir=" + TestDataDirs.create("bad-types"),
                        "ewea.demo-enabled=false",
                        "ewea.scoring.threat-types-data=" + file)
                .close());
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(root.getMessage())
                .contains(file.toString())
                .contains("line 2")
                .contains("not JSON");
    }
}
