package org.ewea.api.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewea.collectors.testing.FeedServer.respond;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.collectors.testing.FeedServer;
import org.ewea.collectors.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The service harvesting feeds from a real HTTP server on loopback: every outcome, and the health that results. */
class HarvestIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    private static final byte[] RSS = Fixtures.resource("feeds/rss2.xml");

    static RunningApplication app;
    static FeedServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new FeedServer();
        server.on("/ok", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            respond(ex, 200, "application/rss+xml", RSS);
        });
        server.on("/forbidden", ex -> respond(ex, 403, "text/plain", "no".getBytes()));
        server.on("/broken", ex -> respond(ex, 500, "text/plain", "oops".getBytes()));
        server.on("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "application/rss+xml", RSS);
        });
        server.on("/huge", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 64; i++) {
                    out.write(new byte[64 * 1024]);
                }
            } catch (IOException clientGaveUp) {
                // expected
            }
        });
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(ex, 200, "application/rss+xml", bomb);
        });
        server.on(
                "/entities",
                ex -> respond(ex, 200, "application/rss+xml", Fixtures.resource("feeds/billion-laughs.xml")));
        server.on(
                "/malformed", ex -> respond(ex, 200, "application/rss+xml", Fixtures.resource("feeds/malformed.xml")));
        server.on("/hostile", ex -> respond(ex, 200, "application/rss+xml", Fixtures.resource("feeds/hostile.xml")));
        app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("harvest"),
                "ewea.demo-enabled=false",
                "ewea.collectors.read-timeout=800ms",
                "ewea.collectors.politeness-delay=0s",
                "ewea.collectors.backoff-base=10ms",
                "ewea.collectors.max-body=2MB");
    }

    @AfterAll
    static void stop() {
        app.close();
        server.close();
    }

    private static void source(String id, String path, boolean local) {
        app.client()
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                // a schedule that never fires while the tests run: a scheduled harvest at the minute the default
                // schedule picks would hold the source's lock and make the manual harvest answer 409
                .bodyValue(Map.of(
                        "id", id, "url", server.url(path).toString(), "local", local, "schedule", "0 0 0 1 1 ? 2099"))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private static Map<String, Object> harvest(String id) {
        Map<String, Object> run = app.client()
                .post()
                .uri("/api/v1/sources/" + id + "/harvest")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        long input = ((Number) run.get("input")).longValue();
        long sum = ((Number) run.get("stored")).longValue()
                + ((Number) run.get("merged")).longValue()
                + ((Number) run.get("rejected")).longValue();
        assertThat(sum).as("stored + merged + rejected = input").isEqualTo(input);
        return run;
    }

    private static Map<String, Object> health(String id) {
        return app.client()
                .get()
                .uri("/api/v1/sources/" + id + "/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void storesNewItemsThenUsesAConditionalGet() {
        source("ok-feed", "/ok", true);
        assertThat(health("ok-feed")).containsEntry("status", "NEVER_RUN");
        Map<String, Object> first = harvest("ok-feed");
        assertThat(first)
                .containsEntry("outcome", "NEW_ITEMS")
                .containsEntry("stored", 2)
                .containsEntry("input", 2);
        assertThat((String) first.get("rawSha256")).hasSize(64);
        Map<String, Object> second = harvest("ok-feed");
        assertThat(second).containsEntry("outcome", "NOT_MODIFIED").containsEntry("httpStatus", 304);
        assertThat(health("ok-feed")).containsEntry("status", "HEALTHY").containsEntry("failureStreak", 0);
        Map<String, Object> runs = app.client()
                .get()
                .uri("/api/v1/sources/ok-feed/runs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(runs).containsEntry("total", 2);
        assertThat((List<Map<String, Object>>) runs.get("items"))
                .extracting(r -> r.get("outcome"))
                .containsExactly("NOT_MODIFIED", "NEW_ITEMS");
    }

    @Test
    void acceptsWhatItCanAndCountsWhatItRejects() {
        source("hostile-feed", "/hostile", true);
        Map<String, Object> run = harvest("hostile-feed");
        assertThat(run)
                .containsEntry("outcome", "NEW_ITEMS")
                .containsEntry("input", 3)
                .containsEntry("stored", 1)
                .containsEntry("rejected", 2);
        assertThat((String) run.get("detail")).contains("empty entry");
    }

    @Test
    void recordsEveryKindOfFailureAndTheHealthThatResults() {
        Map<String, String> expected = Map.of(
                "forbidden",
                "HTTP_STATUS",
                "broken",
                "HTTP_STATUS",
                "slow",
                "TIMEOUT",
                "huge",
                "TOO_LARGE",
                "bomb",
                "DECOMPRESSION_BOMB",
                "entities",
                "PARSE_ERROR",
                "malformed",
                "PARSE_ERROR");
        expected.forEach((path, reason) -> {
            source(path + "-feed", "/" + path, true);
            Map<String, Object> run = harvest(path + "-feed");
            assertThat(run).as(path).containsEntry("outcome", "FAILED").containsEntry("failure", reason);
        });
        assertThat(harvest("broken-feed")).containsEntry("attempts", 3).containsEntry("httpStatus", 500);
        Map<String, Object> health = health("broken-feed");
        assertThat(health).containsEntry("status", "FAILING").containsEntry("failureStreak", 2);
        assertThat((String) health.get("explanation")).contains("2 failed run(s)");
    }

    @Test
    void refusesLoopbackTargetsForSourcesNotMarkedLocal() {
        source("not-local", "/ok", false);
        assertThat(harvest("not-local")).containsEntry("outcome", "FAILED").containsEntry("failure", "REFUSED");
    }

    @Test
    void harvestsSourcesByTheirCronSchedule() throws InterruptedException {
        app.client()
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "id",
                        "scheduled-feed",
                        "url",
                        server.url("/ok").toString(),
                        "local",
                        true,
                        "schedule",
                        "*/2 * * * * ?"))
                .exchange()
                .expectStatus()
                .isCreated();
        long runs = 0;
        for (int i = 0; i < 60 && runs == 0; i++) {
            Thread.sleep(250);
            runs = ((Number) app.client()
                            .get()
                            .uri("/api/v1/sources/scheduled-feed/runs")
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody(MAP)
                            .returnResult()
                            .getResponseBody()
                            .get("total"))
                    .longValue();
        }
        assertThat(runs).as("harvested by the scheduler within 15 s").isPositive();
        app.client()
                .put()
                .uri("/api/v1/sources/scheduled-feed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", server.url("/ok").toString(), "local", true, "enabled", false))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void harvestsAFolderMirrorThroughItsProfile() throws IOException {
        Path mirror = TestDataDirs.create("mirror");
        Files.createDirectories(mirror.resolve("Akira"));
        Files.writeString(
                mirror.resolve("Akira/20230529.json"),
                "{\"chat_id\": \"20230529\","
                        + " \"messages\": [{\"party\": \"Akira\", \"content\": \"Pay to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\","
                        + " \"timestamp\": \"\"}]}");
        app.client()
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "id",
                        "chat-mirror",
                        "kind",
                        "folder",
                        "path",
                        mirror.toString(),
                        "profile",
                        "ransomchats",
                        "tlp",
                        "AMBER",
                        "enabled",
                        false))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.profile")
                .isEqualTo("ransomchats");
        assertThat(harvest("chat-mirror")).containsEntry("outcome", "NEW_ITEMS").containsEntry("stored", 1);
        app.client()
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "id", "bad-mirror", "kind", "folder", "path", mirror.toString(), "profile", "no-such-profile"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("profile");
    }

    @Test
    void answersUnknownSourcesWith404() {
        app.client()
                .post()
                .uri("/api/v1/sources/no-such-source/harvest")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
