package org.ewea.api.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.api.TestUsers;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The bundled exercise end to end through the API, on the real pipeline with the embedded store: a trainer creates it,
 * jumps its clock, injects; participants acknowledge, dismiss, choose early actions and answer questions, stamped with
 * the simulated time; the after-action report opens as HTML and PDF with real lead times; two fresh runs, one replayed
 * in a single jump and one in three, raise the same alerts in the same order; and the live service's collections are
 * the same, document for document, before and after.
 */
@SuppressWarnings("unchecked")
class ExercisesIntegrationTests {

    private static final Path DATA = TestDataDirs.create("exercises");
    private static final Path RECORDINGS = TestDataDirs.create("exercise-recordings");
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    private static RunningApplication app;
    private static WebTestClient admin;
    private static WebTestClient trainer;
    private static WebTestClient ana;
    private static WebTestClient bob;
    private static WebTestClient outsider;

    @BeforeAll
    static void start() throws Exception {
        app = RunningApplication.start(
                "ewea.data-dir=" + DATA,
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false",
                "ewea.alerts.digests-enabled=false",
                "ewea.exercises.directory=" + RECORDINGS);
        admin = app.client().mutate().responseTimeout(Duration.ofMinutes(5)).build();
        // live data the exercises must never touch
        byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>live</title><item><title>Live"
                        + " report: ransomware crew exploits CVE-2025-24472</title><link>https://live.example/1</link>"
                        + "<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        app.bean(CaptureProcessor.class)
                .process(new Capture(
                        new SourceDefinition(
                                new SourceId("live-news"),
                                "feed",
                                "live",
                                null,
                                "en",
                                AdmiraltyGrade.parse("B2"),
                                Tlp.CLEAR),
                        "test",
                        URI.create("https://live.example"),
                        Instant.parse("2025-03-03T12:00:00Z"),
                        "application/rss+xml",
                        body,
                        sha));
        admin.post().uri("/api/v1/alerts/evaluate").exchange().expectStatus().isOk();
        trainer = user("tina.trainer", "TRAINER", "TLP:AMBER", "europol:H2");
        ana = user("ana.lyst", "ANALYST", "TLP:AMBER", "europol:H2");
        bob = user("bob.lyst", "ANALYST", "TLP:GREEN", "none");
        outsider = user("olga.outside", "ANALYST", "TLP:RED", "all");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebTestClient user(String name, String role, String tlp, String handling) {
        return TestUsers.create(app, admin, name, role, tlp, handling);
    }

    private static Map<String, Object> json(WebTestClient.ResponseSpec response) {
        return response.expectBody(MAP).returnResult().getResponseBody();
    }

    private static Map<String, Object> clock(WebTestClient client, String id, String body) {
        return json(client.post()
                .uri("/api/v1/exercises/" + id + "/clock")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk());
    }

    private static List<Map<String, Object>> alerts(WebTestClient client, String id) {
        return (List<Map<String, Object>>) json(client.get()
                        .uri("/api/v1/exercises/" + id + "/alerts")
                        .exchange()
                        .expectStatus()
                        .isOk())
                .get("items");
    }

    /** Every document of every live collection but the exercise catalogue and the audit trail, by collection. */
    private static Map<String, String> live() throws Exception {
        MongoDatabase database = app.bean(MongoDatabase.class);
        Map<String, String> digests = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            // the schedulers' lock rows are written by background jobs whenever they run: not live data
            if (name.equals(ExerciseRepository.COLLECTION)
                    || name.equals("audit")
                    || name.equals("shedLock")
                    || name.startsWith("system.")) {
                continue;
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> docs = new ArrayList<>();
            database.getCollection(name).find().forEach(d -> docs.add(d.toJson()));
            docs.stream().sorted().forEach(d -> sha.update(d.getBytes(StandardCharsets.UTF_8)));
            digests.put(name, docs.size() + ":" + HexFormat.of().formatHex(sha.digest()));
        }
        return digests;
    }

    @Test
    void theBundledExerciseRunsEndToEndWithParticipantsAndLeavesLiveDataUntouched() throws Exception {
        Map<String, String> before = live();
        assertThat(before).containsKeys("items", "alerts");

        // validation and roles
        Map<String, Object> invalid = json(trainer.post()
                .uri("/api/v1/exercises")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        "{\"id\": \"Bad Id\", \"recordings\": [\"bundled:nope\"], \"start\": \"2030-01-01T00:00:00Z\","
                                + " \"end\": \"2029-01-01T00:00:00Z\", \"teams\": [{\"id\": \"x\", \"participants\":"
                                + " [\"nobody\"]}]}")
                .exchange()
                .expectStatus()
                .isBadRequest());
        assertThat(invalid.toString()).contains("id", "recordings", "end", "start", "teams");
        ana.post()
                .uri("/api/v1/exercises?template=ransomware-week")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"by-analyst\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        Map<String, Object> created = json(trainer.post()
                .uri("/api/v1/exercises?template=ransomware-week")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"week-one\", \"teams\": [{\"id\":"
                        + " \"blue\", \"name\": \"Blue team\", \"participants\": [\"ana.lyst\"]}, {\"id\": \"red\","
                        + " \"name\": \"Red team\", \"participants\": [\"bob.lyst\"]}]}")
                .exchange()
                .expectStatus()
                .isCreated());
        assertThat(created).containsEntry("state", "READY").containsEntry("replayedTo", "2025-03-10T00:00:00Z");
        trainer.post()
                .uri("/api/v1/exercises?template=ransomware-week")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"week-one\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(json(bob.get()
                                .uri("/api/v1/exercises")
                                .exchange()
                                .expectStatus()
                                .isOk())
                        .get("items")
                        .toString())
                .contains("week-one");
        assertThat(json(outsider.get()
                        .uri("/api/v1/exercises")
                        .exchange()
                        .expectStatus()
                        .isOk()))
                .containsEntry("total", 0);
        outsider.get()
                .uri("/api/v1/exercises/week-one")
                .exchange()
                .expectStatus()
                .isNotFound();
        ana.post()
                .uri("/api/v1/exercises/week-one/clock")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"start\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        trainer.post()
                .uri("/api/v1/exercises/week-one/clock")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"resume\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        // run to the middle of the week
        Map<String, Object> middle =
                clock(trainer, "week-one", "{\"action\": \"jump\", \"to\":" + " \"2025-03-14T12:00:00Z\"}");
        assertThat(middle)
                .containsEntry("state", "PAUSED")
                .containsEntry("replayedTo", "2025-03-14T12:00:00Z")
                .containsEntry("simulatedNow", "2025-03-14T12:00:00Z");
        assertThat(((Number) middle.get("items")).longValue()).isPositive();
        assertThat((List<Object>) middle.get("questions")).hasSize(1);
        trainer.post()
                .uri("/api/v1/exercises/week-one/clock")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"action\": \"jump\", \"to\": \"2025-03-11T00:00:00Z\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        List<Map<String, Object>> seenByAna = alerts(ana, "week-one");
        assertThat(seenByAna).isNotEmpty();
        Map<String, Object> fortinet = seenByAna.stream()
                .filter(a -> a.toString().contains("FortiOS") || a.toString().contains("fortios"))
                .findFirst()
                .orElseThrow();
        String fortinetId = (String) fortinet.get("id");
        assertThat(alerts(bob, "week-one").toString())
                .as("the H2 partner tip stays with those cleared for it")
                .doesNotContain(fortinetId);
        Map<String, Object> moved = json(ana.post()
                .uri("/api/v1/exercises/week-one/alerts/" + fortinetId + "/transitions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\": \"ACKNOWLEDGED\"}")
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(moved.toString()).contains("ACKNOWLEDGED", "2025-03-14T12:00:00Z");
        ana.post()
                .uri("/api/v1/exercises/week-one/alerts/" + fortinetId + "/transitions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\": \"NEW\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        Map<String, Object> detail = json(ana.get()
                .uri("/api/v1/exercises/week-one/alerts/" + fortinetId)
                .exchange()
                .expectStatus()
                .isOk());
        assertThat((List<Object>) detail.get("evidence"))
                .as("the participant reads the alert's evidence items, as the service's alert detail gives them")
                .isNotEmpty();
        List<Map<String, Object>> recommended = (List<Map<String, Object>>) detail.get("recommendations");
        String chosen = recommended.isEmpty()
                ? "contact-vendor"
                : (String) recommended.getFirst().get("recommendationId");
        Map<String, Object> decision = json(ana.post()
                .uri("/api/v1/exercises/week-one/decisions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\": \"actions\", \"alertId\": \"" + fortinetId + "\", \"actions\": [\"" + chosen
                        + "\", \"call-the-press\"]}")
                .exchange()
                .expectStatus()
                .isCreated());
        assertThat(decision).containsEntry("at", "2025-03-14T12:00:00Z").containsEntry("team", "blue");
        ana.post()
                .uri("/api/v1/exercises/week-one/decisions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\": \"answer\", \"questionId\": \"q2\", \"text\": \"Warn now: the chats show"
                        + " active negotiations.\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        ana.post()
                .uri("/api/v1/exercises/week-one/decisions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\": \"answer\", \"questionId\": \"q99\", \"text\": \"?\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        trainer.post()
                .uri("/api/v1/exercises/week-one/decisions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\": \"answer\", \"questionId\": \"q2\", \"text\": \"x\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        String bobsAlert = (String) alerts(bob, "week-one").getFirst().get("id");
        bob.post()
                .uri("/api/v1/exercises/week-one/alerts/" + bobsAlert + "/transitions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\": \"DISMISSED\", \"note\": \"not ours\"}")
                .exchange()
                .expectStatus()
                .isOk();

        // a live inject, then the rest of the week at full speed
        Map<String, Object> inject = json(trainer.post()
                .uri("/api/v1/exercises/week-one/injects")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\": \"tip\", \"title\": \"Live tip\","
                        + " \"text\": \"<script>alert(1)</script> Juniper routers targeted, CVE-2025-21590.\","
                        + " \"grading\": \"C3\"}")
                .exchange()
                .expectStatus()
                .isCreated());
        assertThat(inject.get("at")).isEqualTo("2025-03-14T12:00:00.001Z");
        trainer.post()
                .uri("/api/v1/exercises/week-one/injects")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"type\": \"rumour\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        bob.get()
                .uri("/api/v1/exercises/week-one/report.html")
                .exchange()
                .expectStatus()
                .isForbidden();
        Map<String, Object> ended =
                clock(trainer, "week-one", "{\"action\": \"jump\", \"to\":" + " \"2025-03-19T00:00:00Z\"}");
        assertThat(ended).containsEntry("state", "ENDED").containsEntry("progress", 1.0);
        assertThat(ended.get("log").toString()).contains("the scenario has ended");
        assertThat(alerts(trainer, "week-one"))
                .as("the mirror going dark is a collection gap")
                .anySatisfy(a -> assertThat(a.get("ruleId")).isEqualTo("collection-gap"));

        List<Map<String, Object>> digests = (List<Map<String, Object>>) json(ana.get()
                        .uri("/api/v1/exercises/week-one/digests")
                        .exchange()
                        .expectStatus()
                        .isOk())
                .get("items");
        // made on the scenario's Mondays (10 and 17 March), each for the week ending on the last day with signals
        assertThat(digests)
                .as("weekly digests per audience")
                .extracting(d -> d.get("id"))
                .contains(
                        "weekly-analyst-2025-03-10",
                        "weekly-analyst-2025-03-15",
                        "weekly-policy-2025-03-15",
                        "weekly-trainer-2025-03-15");
        assertThat(ana.get()
                        .uri("/api/v1/exercises/week-one/digests/weekly-analyst-2025-03-15.html")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .contains("EW/EA analyst digest");
        outsider.get()
                .uri("/api/v1/exercises/week-one/digests")
                .exchange()
                .expectStatus()
                .isNotFound();

        // the exercise's items are searchable in the exercise, and only there
        Map<String, Object> juniper = json(ana.get()
                .uri("/api/v1/exercises/week-one/items?q=Juniper")
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(juniper).containsKeys("items", "page", "size", "total");
        assertThat(juniper.get("items").toString())
                .as("the live inject, found in its exercise")
                .contains("Live tip")
                .doesNotContain("<script>");
        assertThat(json(ana.get()
                                .uri("/api/v1/items?q=Juniper")
                                .exchange()
                                .expectStatus()
                                .isOk())
                        .get("items")
                        .toString())
                .as("the live service's search")
                .doesNotContain("Live tip");
        outsider.get()
                .uri("/api/v1/exercises/week-one/items?q=Juniper")
                .exchange()
                .expectStatus()
                .isNotFound();
        ana.get()
                .uri("/api/v1/exercises/week-one/items?size=0")
                .exchange()
                .expectStatus()
                .isBadRequest();
        ana.get()
                .uri("/api/v1/exercises/week-one/items?q=" + "word+".repeat(41))
                .exchange()
                .expectStatus()
                .isBadRequest();

        String report = trainer.get()
                .uri("/api/v1/exercises/week-one/report.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", AfterActionRenderer.CSP)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(report)
                .contains(
                        "After-action report",
                        "CVE-2025-24472",
                        "CISA KEV dateAdded",
                        "Blue team",
                        "Red team",
                        "gained",
                        "data:image/png;base64",
                        "Warn now",
                        "call-the-press")
                .doesNotContain("<script>alert(1)</script>");
        byte[] pdf = bob.get()
                .uri("/api/v1/exercises/week-one/report.pdf")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        Map<String, String> after = live();
        assertThat(after).as("live collections, document for document").isEqualTo(before);
        assertThat(app.bean(MongoDatabase.class)
                        .getCollection("items")
                        .countDocuments(new Document("sourceId", "akira-portal")))
                .isZero();
    }

    @Test
    void replayingTheSameExerciseTwiceRaisesTheSameAlertsInTheSameOrder() {
        for (String id : List.of("twice-a", "twice-b")) {
            trainer.post()
                    .uri("/api/v1/exercises?template=ransomware-week")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"id\": \"" + id + "\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        clock(trainer, "twice-a", "{\"action\": \"jump\", \"to\": \"2025-03-19T00:00:00Z\"}");
        clock(trainer, "twice-b", "{\"action\": \"jump\", \"to\": \"2025-03-12T07:13:00Z\"}");
        clock(trainer, "twice-b", "{\"action\": \"jump\", \"to\": \"2025-03-16T00:00:00Z\"}");
        clock(trainer, "twice-b", "{\"action\": \"jump\", \"to\": \"2025-03-19T00:00:00Z\"}");
        List<String> first = signature(alerts(admin, "twice-a"));
        List<String> second = signature(alerts(admin, "twice-b"));
        assertThat(first).hasSizeGreaterThan(3).isEqualTo(second);
        String reportA = admin.get()
                .uri("/api/v1/exercises/twice-a/report.html")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(reportA).contains("gained");
    }

    @Test
    void aTrainersOwnRecordingWithWarcFilesIsReplayedToo() throws Exception {
        Path folder = Files.createDirectories(RECORDINGS.resolve("partner-warc"));
        Files.writeString(folder.resolve("recording.yaml"), """
                id: partner-warc
                title: A partner's web archive
                sources:
                  - id: partner-news
                    kind: rss
                    title: Partner news
                    grading: B2
                    tlp: GREEN
                captures: []
                """);
        try (var writer = new WarcWriter(
                Files.newByteChannel(
                        folder.resolve("partner.warc.gz"), StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            for (String[] record : new String[][] {
                {"partner-news", "2025-03-02T08:00:00Z", "Drones drop parcels" + " over prison walls"},
                {"unknown-source", "2025-03-03T08:00:00Z", "Nobody's news"}
            }) {
                String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>p</title><item><title>"
                        + record[2] + "</title><link>https://partner.example/" + record[1] + "</link><pubDate>"
                        + "Sun, 02 Mar 2025 07:00:00 GMT</pubDate></item></channel></rss>";
                writer.write(new WarcResponse.Builder(URI.create("https://partner.example/rss"))
                        .date(Instant.parse(record[1]))
                        .setHeader("EWEA-Source", record[0])
                        .body(new HttpResponse.Builder(200, "OK")
                                .body(
                                        org.netpreserve.jwarc.MediaType.parse("application/rss+xml"),
                                        rss.getBytes(StandardCharsets.UTF_8))
                                .build())
                        .build());
            }
        }
        trainer.post()
                .uri("/api/v1/exercises")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":"
                        + " \"from-warc\", \"recordings\": [\"partner-warc\"], \"start\": \"2025-03-01T00:00:00Z\","
                        + " \"end\": \"2025-03-05T00:00:00Z\", \"teams\": [{\"id\": \"solo\"}]}")
                .exchange()
                .expectStatus()
                .isCreated();
        trainer.post()
                .uri("/api/v1/exercises")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\":"
                        + " \"escape\", \"recordings\": [\"../partner-warc\"], \"start\": \"2025-03-01T00:00:00Z\","
                        + " \"end\": \"2025-03-05T00:00:00Z\", \"teams\": [{\"id\": \"solo\"}]}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        Map<String, Object> ended =
                clock(trainer, "from-warc", "{\"action\": \"jump\", \"to\":" + " \"2025-03-05T00:00:00Z\"}");
        assertThat(ended).containsEntry("state", "ENDED").containsEntry("items", 1);
        assertThat(ended.get("log").toString())
                .contains("partner.warc.gz@", "1 new", "no source 'unknown-source' in the recording's manifest");
    }

    private static List<String> signature(List<Map<String, Object>> alerts) {
        return alerts.stream()
                .sorted(Comparator.comparing((Map<String, Object> a) -> (String) a.get("raisedAt"))
                        .thenComparing(a -> (String) a.get("id")))
                .map(a -> a.get("id") + " " + a.get("ruleId")
                        + " " + a.get("subject") + " " + a.get("raisedAt") + " " + a.get("updatedAt") + " "
                        + a.get("triggers") + " " + a.get("evidence") + " " + a.get("score"))
                .toList();
    }
}
