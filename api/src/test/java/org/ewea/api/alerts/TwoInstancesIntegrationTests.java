package org.ewea.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.lifecycle.RaiseOutcome;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestClients;
import org.ewea.api.TestDataDirs;
import org.ewea.api.store.MongoEndpoint;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Two application contexts on one store (the second joins the first's embedded MongoDB by URI): an alert raised or
 * moved on one instance reaches SSE subscribers of the other, and the same development raised on both at once is one
 * alert.
 */
class TwoInstancesIntegrationTests {

    private static final Path DATA = TestDataDirs.create("two-instances");
    private static RunningApplication first;
    private static RunningApplication second;

    @BeforeAll
    static void start() {
        first = RunningApplication.start(
                "ewea.data-dir=" + DATA,
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false");
        String uri = first.bean(MongoEndpoint.class).connectionString().getConnectionString();
        second = RunningApplication.startWithToken(
                TestClients.adminToken(DATA),
                "ewea.data-dir=" + TestDataDirs.create("two-instances-second"),
                "ewea.mongodb-uri=" + uri,
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    private static Trigger trigger(RunningApplication app, String series) {
        return new Trigger(
                app.bean(RuleBook.class).find("stage-emerging").orElseThrow().rule(),
                new Subject("technology", series, series),
                series + " entered the emerging stage",
                "test",
                0.5,
                "emerging",
                "P2",
                "digital-fraud",
                Tlp.CLEAR,
                Handling.NONE,
                null,
                List.of(),
                Map.of(),
                LocalDate.parse("2026-03-01"));
    }

    private static CompletableFuture<ServerSentEvent<Map<String, Object>>> nextEvent(
            RunningApplication app, String type) {
        return app.client()
                .get()
                .uri("/api/v1/alerts/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody()
                .filter(e -> type.equals(e.event()))
                .next()
                .toFuture();
    }

    @Test
    void anAlertRaisedOnOneInstanceReachesSubscribersOfTheOther() {
        var onSecond = nextEvent(second, "raised");
        var alert = first.bean(AlertRaiser.class)
                .raise(trigger(first, "voice-cloning"))
                .alert();
        ServerSentEvent<Map<String, Object>> event =
                onSecond.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(event.data()).containsEntry("alertId", alert.id());

        var onFirst = nextEvent(first, "transition");
        second.client()
                .post()
                .uri("/api/v1/alerts/" + alert.id() + "/transitions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"to\": \"ACKNOWLEDGED\"}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(onFirst.orTimeout(30, TimeUnit.SECONDS).join().data())
                .containsEntry("alertId", alert.id())
                .containsEntry("state", "ACKNOWLEDGED");
    }

    @Test
    void theSameDevelopmentRaisedOnBothAtOnceIsOneAlert() throws Exception {
        var a = CompletableFuture.supplyAsync(
                () -> first.bean(AlertRaiser.class).raise(trigger(first, "drones")));
        var b = CompletableFuture.supplyAsync(
                () -> second.bean(AlertRaiser.class).raise(trigger(second, "drones")));
        List<RaiseOutcome.Kind> kinds = List.of(
                a.get(30, TimeUnit.SECONDS).kind(), b.get(30, TimeUnit.SECONDS).kind());
        assertThat(kinds).containsOnlyOnce(RaiseOutcome.Kind.RAISED);
        Map<String, Object> page = second.client()
                .get()
                .uri("/api/v1/alerts?subject=drones")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(page).containsEntry("total", 1);
    }
}
