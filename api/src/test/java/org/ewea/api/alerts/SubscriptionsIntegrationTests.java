package org.ewea.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.delivery.WebhookSender;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Subscriptions over HTTP: a signed webhook, a receiver that is down (dead letter, retry), e-mail through SMTP. */
@SuppressWarnings("unchecked")
class SubscriptionsIntegrationTests {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static HttpServer receiver;
    private static GreenMail smtp;
    private static RunningApplication app;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        receiver.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("subscriptions"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false",
                "ewea.alerts.delivery-interval=PT0.2S",
                "ewea.alerts.delivery-attempts=2",
                "ewea.alerts.retry-first=PT0.2S",
                "ewea.alerts.webhook-allow-private-addresses=true",
                "ewea.alerts.smtp.host=127.0.0.1",
                "ewea.alerts.smtp.port=" + smtp.getSmtp().getPort(),
                "ewea.alerts.smtp.start-tls=false");
    }

    @AfterAll
    static void stop() {
        app.close();
        smtp.stop();
        receiver.stop(0);
    }

    private static Map<String, Object> subscribe(String body, int status) {
        return app.client()
                .post()
                .uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static void raise(String series, Tlp tlp) {
        app.bean(AlertRaiser.class)
                .raise(new Trigger(
                        app.bean(RuleBook.class)
                                .find("stage-emerging")
                                .orElseThrow()
                                .rule(),
                        new Subject("technology", series, series),
                        series + " entered the emerging stage",
                        "test",
                        0.7,
                        "emerging",
                        "P2",
                        "digital-fraud",
                        tlp,
                        Handling.NONE,
                        "B2",
                        List.of(),
                        Map.of(),
                        LocalDate.parse("2026-03-01")));
    }

    @Test
    void subscribersGetSignedWebhooksEmailAndDeadLetters() {
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        Map<String, Object> created = subscribe(
                "{\"name\": \"fraud desk\", \"channel\": \"webhook\", \"url\": \"" + base
                        + "/hook\", \"filter\": {\"technologies\": [\"voice-cloning\"], \"maxPriority\": \"P2\"}}",
                201);
        String secret = (String) created.get("secret");
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(created.get("subscription").toString()).doesNotContain(secret);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String expected = "sha256="
                    + WebhookSender.sign(secret, exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP), body);
            if (expected.equals(exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE))) {
                RECEIVED.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        subscribe("{\"name\": \"broken\", \"channel\": \"webhook\", \"url\": \"" + base + "/down\"}", 201);
        subscribe("{\"name\": \"mail\", \"channel\": \"email\", \"email\": \"desk@police.example\"}", 201);

        raise("voice-cloning", Tlp.AMBER);
        raise("drones", Tlp.CLEAR);

        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVED.size() == 1);
        assertThat(RECEIVED.getFirst())
                .contains("\"type\":\"raised\"", "voice-cloning")
                .doesNotContain("drones");
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ((Number) app.client()
                                        .get()
                                        .uri("/api/v1/deliveries?status=DEAD")
                                        .exchange()
                                        .expectBody(Map.class)
                                        .returnResult()
                                        .getResponseBody()
                                        .get("total"))
                                .intValue()
                        == 2);
        List<Map<String, Object>> dead = (List<Map<String, Object>>) app.client()
                .get()
                .uri("/api/v1/deliveries?status=DEAD")
                .exchange()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("items");
        assertThat(dead).allSatisfy(d -> {
            assertThat(d).containsEntry("attempts", 2);
            assertThat(d.get("lastError")).asString().contains("HTTP 502");
        });
        app.client()
                .post()
                .uri("/api/v1/deliveries/" + dead.getFirst().get("id") + "/retry")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .value(d -> assertThat(d).containsEntry("status", "PENDING"));
        app.client()
                .post()
                .uri("/api/v1/deliveries/" + dead.getFirst().get("id") + "/retry")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void subscriptionsAreValidated() {
        assertThat(subscribe("{\"name\": \"x\", \"channel\": \"pigeon\"}", 400).get("detail"))
                .asString()
                .contains("channel");
        assertThat(subscribe("{\"name\": \"x\", \"channel\": \"webhook\", \"url\": \"ftp://example.org/\"}", 400)
                        .get("detail"))
                .asString()
                .contains("http or https");
        assertThat(subscribe(
                                "{\"name\": \"x\", \"channel\": \"sse\", \"filter\": {\"technologies\":"
                                        + " [\"time-travel\"]}}",
                                400)
                        .get("detail"))
                .asString()
                .contains("time-travel");
        assertThat(subscribe("{\"name\": \"x\", \"channel\": \"sse\", \"filter\": {\"minGrade\": \"Z9\"}}", 400)
                        .get("detail"))
                .asString()
                .contains("Admiralty");
        assertThat(subscribe("{\"name\": \"x\", \"channel\": \"email\", \"email\": \"not-an-address\"}", 400)
                        .get("detail"))
                .asString()
                .contains("email");
        app.client()
                .get()
                .uri("/api/v1/subscriptions/nobody")
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
