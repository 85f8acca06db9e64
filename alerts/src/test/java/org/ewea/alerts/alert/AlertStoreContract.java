package org.ewea.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.action.ActionStatus;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.alerts.delivery.Channel;
import org.ewea.alerts.delivery.Delivery;
import org.ewea.alerts.delivery.DeliveryPlanner;
import org.ewea.alerts.delivery.DeliveryRepository;
import org.ewea.alerts.delivery.DeliveryWorker;
import org.ewea.alerts.delivery.EmailSender;
import org.ewea.alerts.delivery.RetryPolicy;
import org.ewea.alerts.delivery.SmtpSettings;
import org.ewea.alerts.delivery.Subscription;
import org.ewea.alerts.delivery.SubscriptionFilter;
import org.ewea.alerts.delivery.SubscriptionRepository;
import org.ewea.alerts.delivery.WebhookSender;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.alerts.event.AlertEventFeed;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.lifecycle.AssessmentInput;
import org.ewea.alerts.lifecycle.IllegalTransitionException;
import org.ewea.alerts.lifecycle.InvalidAlertInputException;
import org.ewea.alerts.lifecycle.RaiseOutcome;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleType;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every MongoDB alerts run on must do: grouping, cooldown, lifecycle, events, feed, actions. */
abstract class AlertStoreContract {

    static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final AlertRule STAGE = new AlertRule(
            "stage-emerging",
            "Entered emerging",
            RuleType.STAGE_TRANSITION,
            null,
            null,
            List.of("emerging"),
            7,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            Duration.ofDays(14));

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();
    private MongoDatabase database;
    private AlertRepository alerts;
    private AlertEventLog events;
    private AlertRaiser raiser;
    private AlertLifecycle lifecycle;

    protected abstract MongoDatabase database();

    @BeforeEach
    void create() {
        database = database();
        alerts = new AlertRepository(database);
        alerts.ensureIndexes();
        events = new AlertEventLog(database);
        raiser = new AlertRaiser(alerts, events, clock);
        lifecycle = new AlertLifecycle(alerts, events, METHODOLOGY, clock);
    }

    static Trigger trigger(String series, String stage, double score, Tlp tlp) {
        return trigger(series, stage, score, tlp, Handling.NONE);
    }

    static Trigger trigger(String series, String stage, double score, Tlp tlp, Handling handling) {
        return new Trigger(
                STAGE,
                new Subject("technology", series, series),
                series + " entered the emerging stage",
                "growth " + score,
                score,
                stage,
                "P3",
                "digital-fraud",
                tlp,
                handling,
                "B2",
                List.of("item-1"),
                Map.of("score", Double.toString(score)),
                LocalDate.of(2026, 3, 1));
    }

    @Test
    void oneDevelopmentIsOneAlertUpdatedOverTime() {
        RaiseOutcome first = raiser.raise(trigger("voice-cloning", "emerging", 0.40, Tlp.GREEN));
        assertThat(first.kind()).isEqualTo(RaiseOutcome.Kind.RAISED);
        now.set(T0.plusSeconds(3600));
        RaiseOutcome same = raiser.raise(trigger("voice-cloning", "emerging", 0.45, Tlp.GREEN));
        assertThat(same.kind()).isEqualTo(RaiseOutcome.Kind.UNCHANGED);
        RaiseOutcome moved = raiser.raise(trigger("voice-cloning", "established", 0.62, Tlp.AMBER));
        assertThat(moved.kind()).isEqualTo(RaiseOutcome.Kind.UPDATED);
        assertThat(moved.change())
                .contains("stage emerging -> established", "score 45% -> 62%", "marking TLP:GREEN -> TLP:AMBER");
        Alert alert = alerts.find(first.alert().id()).orElseThrow();
        assertThat(alert.triggers()).isEqualTo(3);
        assertThat(alert.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(alert.history()).extracting(HistoryEntry::type).containsExactly("RAISED", "UPDATED");
        assertThat(alerts.count(new AlertRepository.Query(null, null, null, null, null, Clearance.of(Tlp.RED))))
                .isEqualTo(1);
        // another subject is another development
        assertThat(raiser.raise(trigger("deepfake-video", "emerging", 0.3, Tlp.CLEAR))
                        .kind())
                .isEqualTo(RaiseOutcome.Kind.RAISED);
        assertThat(events.after(0, 100, Clearance.of(Tlp.RED)))
                .extracting(AlertEvent::type)
                .containsExactly("raised", "updated", "raised");
    }

    @Test
    void aClosedDevelopmentStaysQuietForTheCooldownThenAlertsAgain() {
        Alert alert = raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR))
                .alert();
        lifecycle.transition(alert.id(), AlertState.DISMISSED, "seen before", null, "ana", null);
        now.set(T0.plus(Duration.ofDays(13)));
        assertThat(raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR))
                        .kind())
                .isEqualTo(RaiseOutcome.Kind.SUPPRESSED);
        now.set(T0.plus(Duration.ofDays(14)).plusSeconds(1));
        RaiseOutcome again = raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR));
        assertThat(again.kind()).isEqualTo(RaiseOutcome.Kind.RAISED);
        assertThat(again.alert().id()).isNotEqualTo(alert.id());
        assertThat(again.alert().state()).isEqualTo(AlertState.NEW);
    }

    @Test
    void theLifecycleIsGuardedAndEveryMoveRecorded() {
        Alert alert = raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR))
                .alert();
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> lifecycle.transition(alert.id(), AlertState.ACTIONED, "done", null, "ana", null))
                .withMessageContaining("cannot move from NEW to ACTIONED");
        now.set(T0.plusSeconds(60));
        Alert acknowledged = lifecycle.transition(alert.id(), AlertState.ACKNOWLEDGED, "mine", null, "ana", 0L);
        assertThatExceptionOfType(AlertRepository.ConcurrentChangeException.class)
                .isThrownBy(
                        () -> lifecycle.transition(alert.id(), AlertState.DISMISSED, "stale view", null, "bob", 0L));
        assertThatExceptionOfType(InvalidAlertInputException.class)
                .isThrownBy(() -> lifecycle.transition(alert.id(), AlertState.ASSESSED, null, null, "ana", null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("assessment"));
        assertThatExceptionOfType(InvalidAlertInputException.class)
                .isThrownBy(() -> lifecycle.transition(
                        alert.id(),
                        AlertState.ASSESSED,
                        null,
                        new AssessmentInput(null, "Z9", null, 4, null, "high"),
                        "ana",
                        null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("assessment.grade"));
        Alert assessed = lifecycle.transition(
                alert.id(),
                AlertState.ASSESSED,
                "corroborated",
                new AssessmentInput(null, "b2", null, 5, 1, "high"),
                "ana",
                acknowledged.version());
        assertThat(assessed.assessment().grade()).isEqualTo("B2");
        assertThat(assessed.priority()).isEqualTo(assessed.assessment().priority());
        assertThatExceptionOfType(InvalidAlertInputException.class)
                .isThrownBy(() -> lifecycle.transition(alert.id(), AlertState.DISMISSED, " ", null, "ana", null))
                .satisfies(e -> assertThat(e.field()).isEqualTo("note"));
        Alert actioned = lifecycle.transition(alert.id(), AlertState.ACTIONED, "briefed", null, "pol", null);
        assertThat(actioned.closedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(actioned.history())
                .extracting(h -> h.actor() + ":" + h.from() + "->" + h.to())
                .containsExactly(
                        "system:null->NEW",
                        "ana:NEW->ACKNOWLEDGED",
                        "ana:ACKNOWLEDGED->ASSESSED",
                        "pol:ASSESSED->ACTIONED");
        assertThatExceptionOfType(IllegalTransitionException.class)
                .isThrownBy(() -> lifecycle.transition(alert.id(), AlertState.DISMISSED, "late", null, "ana", null))
                .withMessageContaining("it is closed");
        // the group is free again: a new trigger after the cooldown raises a new alert
        assertThat(alerts.findOpen(alert.groupKey())).isEmpty();
    }

    @Test
    void feedbackIsOneVerdictPerUser() {
        Alert alert = raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR))
                .alert();
        lifecycle.feedback(alert.id(), true, null, "ana");
        lifecycle.feedback(alert.id(), false, "vendor marketing", "bob");
        Alert changed = lifecycle.feedback(alert.id(), false, "changed my mind", "ana");
        assertThat(changed.feedback())
                .extracting(f -> f.user() + "=" + f.relevant())
                .containsExactlyInAnyOrder("ana=false", "bob=false");
        AnalystLabels labels = new AnalystLabels(alerts);
        assertThat(labels.relevantSince()).isEmpty();
        lifecycle.feedback(alert.id(), true, null, "cem");
        lifecycle.feedback(alert.id(), true, null, "dee");
        lifecycle.feedback(alert.id(), true, null, "eve");
        assertThat(labels.relevantSince()).containsExactly(Map.entry("voice-cloning", LocalDate.of(2026, 3, 1)));
    }

    @Test
    void readersSeeOnlyAlertsAndEventsTheyAreClearedFor() {
        raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.RED));
        raiser.raise(trigger("deepfake-video", "emerging", 0.4, Tlp.AMBER));
        raiser.raise(trigger("drones", "emerging", 0.4, Tlp.CLEAR));
        var amber = new AlertRepository.Query(null, null, null, null, null, Clearance.of(Tlp.AMBER));
        assertThat(alerts.page(amber, 0, 10))
                .extracting(a -> a.subject().id())
                .containsExactlyInAnyOrder("deepfake-video", "drones");
        assertThat(events.after(0, 10, Clearance.of(Tlp.GREEN)))
                .extracting(e -> e.subject().id())
                .containsExactly("drones");
        assertThat(events.after(1, 10, Clearance.of(Tlp.RED)))
                .extracting(AlertEvent::sequence)
                .containsExactly(2L, 3L);
        assertThat(events.last()).isEqualTo(3);
    }

    @Test
    void readersSeeOnlyAlertsEventsAndActionsWhoseHandlingCodeTheyAreClearedFor() {
        var codes = METHODOLOGY.grading().handlingCodes();
        Handling h2 = codes.parse("europol:H2");
        Alert restricted = raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.GREEN, h2))
                .alert();
        raiser.raise(trigger("drones", "emerging", 0.4, Tlp.GREEN));
        assertThat(alerts.find(restricted.id()).orElseThrow().handling()).isEqualTo(h2);
        // a later trigger with unrestricted evidence never loosens the alert's handling code
        raiser.raise(trigger("voice-cloning", "established", 0.8, Tlp.GREEN));
        assertThat(alerts.find(restricted.id()).orElseThrow().handling()).isEqualTo(h2);

        Clearance h1 = new Clearance(Tlp.RED, codes.parse("europol:H1"));
        Clearance cleared = new Clearance(Tlp.GREEN, codes.parse("europol:H3"));
        assertThat(alerts.page(new AlertRepository.Query(null, null, null, null, null, h1), 0, 10))
                .extracting(a -> a.subject().id())
                .containsExactly("drones");
        assertThat(alerts.page(new AlertRepository.Query(null, null, null, null, null, cleared), 0, 10))
                .extracting(a -> a.subject().id())
                .containsExactlyInAnyOrder("drones", "voice-cloning");
        assertThat(events.after(0, 10, h1)).extracting(e -> e.subject().id()).containsExactly("drones");
        assertThat(events.after(0, 10, cleared))
                .extracting(e -> e.handling().label())
                .containsExactly("europol:H2", "none", "europol:H2");

        ActionRepository actions = new ActionRepository(database);
        List<EarlyAction> planned = new ActionPlanner(METHODOLOGY, actions, clock)
                .plan(alerts.find(restricted.id()).orElseThrow());
        assertThat(planned).isNotEmpty().allMatch(a -> a.handling().equals(h2));
        assertThat(actions.count(new ActionRepository.Query(null, null, restricted.id(), null, h1)))
                .isZero();
        assertThat(actions.count(new ActionRepository.Query(null, null, restricted.id(), null, cleared)))
                .isEqualTo(planned.size());

        subscription("all", "ana", Channel.WEBHOOK, "http://127.0.0.1:9/", SubscriptionFilter.everything());
        DeliveryRepository deliveries = new DeliveryRepository(database);
        var clearance = (Function<String, Optional<Clearance>>) u -> Optional.of(h1);
        int plannedDeliveries = new DeliveryPlanner(
                        events,
                        new SubscriptionRepository(database),
                        deliveries,
                        METHODOLOGY,
                        clearance,
                        database,
                        clock,
                        InstantSource.system(),
                        Duration.ofSeconds(30))
                .plan();
        assertThat(plannedDeliveries)
                .as("only the drones alert reaches a reader without H2 clearance")
                .isEqualTo(1);
    }

    @Test
    void theFeedTellsAboutEveryEventStored() throws Exception {
        List<AlertEvent> seen = new CopyOnWriteArrayList<>();
        try (AlertEventFeed feed = new AlertEventFeed(database, seen::add)) {
            feed.start();
            raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR));
            raiser.raise(trigger("voice-cloning", "established", 0.8, Tlp.CLEAR));
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 2);
            assertThat(seen).extracting(AlertEvent::type).containsExactly("raised", "updated");
        }
    }

    @Test
    void earlyActionsComeFromThePlaybooksOncePerRecommendation() {
        ActionRepository actions = new ActionRepository(database);
        ActionPlanner planner = new ActionPlanner(METHODOLOGY, actions, clock);
        Alert alert = raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.AMBER))
                .alert();
        List<EarlyAction> planned = planner.plan(alert);
        assertThat(planned).isNotEmpty();
        assertThat(planned).extracting(EarlyAction::audience).contains("analyst", "policy");
        assertThat(planned).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(ActionStatus.OPEN);
            assertThat(a.tlp()).isEqualTo(Tlp.AMBER);
            assertThat(a.due()).isAfter(LocalDate.of(2026, 3, 2));
        });
        assertThat(planner.plan(alert)).isEmpty();
        var query = new ActionRepository.Query(null, "policy", null, null, Clearance.of(Tlp.RED));
        assertThat(actions.page(query, 0, 100)).allMatch(a -> a.audience().equals("policy"));
        assertThat(actions.count(new ActionRepository.Query(null, null, alert.id(), null, Clearance.of(Tlp.GREEN))))
                .isZero();
    }

    private Subscription subscription(
            String id, String owner, Channel channel, String target, SubscriptionFilter filter) {
        Subscription s = new Subscription(
                id,
                owner,
                null,
                id,
                filter,
                channel,
                channel == Channel.WEBHOOK ? URI.create(target) : null,
                channel == Channel.WEBHOOK ? "s3cret-" + id : null,
                channel == Channel.EMAIL ? target : null,
                true,
                T0);
        new SubscriptionRepository(database).save(s);
        return s;
    }

    @Test
    void webhooksAreSignedRetriedWithBackoffAndEndAsDeadLetters() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String expected = "sha256="
                    + WebhookSender.sign(
                            "s3cret-hook", exchange.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP), body);
            boolean signed = expected.equals(exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE));
            int status = !signed ? 401 : failures.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                received.add(new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            subscription("hook", "ana", Channel.WEBHOOK, base + "/hook", SubscriptionFilter.everything());
            subscription("down", "ana", Channel.WEBHOOK, base + "/down", SubscriptionFilter.everything());
            subscription(
                    "green-only",
                    "ana",
                    Channel.WEBHOOK,
                    base + "/hook",
                    new SubscriptionFilter(null, null, null, null, null, null, Tlp.GREEN, null));
            DeliveryRepository deliveries = new DeliveryRepository(database);
            Map<String, Clearance> cleared = Map.of("ana", Clearance.of(Tlp.AMBER));
            var clearance = (Function<String, Optional<Clearance>>) u -> Optional.ofNullable(cleared.get(u));
            DeliveryPlanner planner = new DeliveryPlanner(
                    events,
                    new SubscriptionRepository(database),
                    deliveries,
                    METHODOLOGY,
                    clearance,
                    database,
                    clock,
                    InstantSource.system(),
                    Duration.ofSeconds(30));
            DeliveryWorker worker = new DeliveryWorker(
                    deliveries,
                    new SubscriptionRepository(database),
                    events,
                    List.of(new WebhookSender(Duration.ofSeconds(5), true, clock)),
                    clearance,
                    new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10)),
                    clock);

            raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.AMBER));
            raiser.raise(trigger("drones", "emerging", 0.4, Tlp.RED));
            assertThat(planner.plan()).isEqualTo(2);
            assertThat(planner.plan()).isZero();

            assertThat(worker.deliverDue()).isEqualTo(new DeliveryWorker.Round(0, 2, 0));
            assertThat(worker.deliverDue()).isEqualTo(new DeliveryWorker.Round(0, 0, 0));
            now.set(T0.plus(Duration.ofMinutes(1)));
            assertThat(worker.deliverDue()).isEqualTo(new DeliveryWorker.Round(1, 1, 0));
            assertThat(received).singleElement().asString().contains("\"type\":\"raised\"", "voice-cloning");
            now.set(T0.plus(Duration.ofMinutes(2)));
            assertThat(worker.deliverDue()).isEqualTo(new DeliveryWorker.Round(0, 0, 0));
            now.set(T0.plus(Duration.ofMinutes(3)));
            assertThat(worker.deliverDue()).isEqualTo(new DeliveryWorker.Round(0, 0, 1));
            List<Delivery> dead = deliveries.page(Delivery.Status.DEAD, "ana", null, 0, 10);
            assertThat(dead).singleElement().satisfies(d -> {
                assertThat(d.subscriptionId()).isEqualTo("down");
                assertThat(d.attempts()).isEqualTo(3);
                assertThat(d.lastError()).contains("HTTP 500");
            });
            assertThat(deliveries.retry(dead.getFirst().id(), now.get())).isTrue();
            assertThat(deliveries.count(Delivery.Status.PENDING, null, "down")).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void webhooksToPrivateAddressesFailForGoodUnlessAllowed() {
        subscription("internal", "ana", Channel.WEBHOOK, "http://127.0.0.1:9/hook", SubscriptionFilter.everything());
        DeliveryRepository deliveries = new DeliveryRepository(database);
        var clearance = (Function<String, Optional<Clearance>>) u -> Optional.of(Clearance.of(Tlp.RED));
        new DeliveryPlanner(
                events,
                new SubscriptionRepository(database),
                deliveries,
                METHODOLOGY,
                clearance,
                database,
                clock,
                InstantSource.system(),
                Duration.ofSeconds(30));
        raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR));
        new DeliveryPlanner(
                        events,
                        new SubscriptionRepository(database),
                        deliveries,
                        METHODOLOGY,
                        clearance,
                        database,
                        clock,
                        InstantSource.system(),
                        Duration.ofSeconds(30))
                .plan();
        DeliveryWorker worker = new DeliveryWorker(
                deliveries,
                new SubscriptionRepository(database),
                events,
                List.of(new WebhookSender(Duration.ofSeconds(5), false, clock)),
                clearance,
                new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10)),
                clock);
        assertThat(worker.deliverDue()).isEqualTo(new DeliveryWorker.Round(0, 0, 1));
        assertThat(deliveries.page(Delivery.Status.DEAD, null, null, 0, 10))
                .singleElement()
                .satisfies(d -> assertThat(d.lastError()).contains("private or local address"));
    }

    @Test
    void eMailGoesOutThroughSmtpMarkedWithItsTlp() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            subscription("mail", "ana", Channel.EMAIL, "ana@police.example", SubscriptionFilter.everything());
            DeliveryRepository deliveries = new DeliveryRepository(database);
            var clearance = (Function<String, Optional<Clearance>>) u -> Optional.of(Clearance.of(Tlp.AMBER));
            raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.AMBER));
            new DeliveryPlanner(
                            events,
                            new SubscriptionRepository(database),
                            deliveries,
                            METHODOLOGY,
                            clearance,
                            database,
                            clock,
                            InstantSource.system(),
                            Duration.ofSeconds(30))
                    .plan();
            SmtpSettings settings =
                    new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "ewea@police.example", null, null, false);
            DeliveryWorker worker = new DeliveryWorker(
                    deliveries,
                    new SubscriptionRepository(database),
                    events,
                    List.of(new EmailSender(settings)),
                    clearance,
                    new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10)),
                    clock);
            assertThat(worker.deliverDue()).isEqualTo(new DeliveryWorker.Round(1, 0, 0));
            var messages = smtp.getReceivedMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).startsWith("[TLP:AMBER] EW/EA alert raised:");
            assertThat(GreenMailUtil.getBody(messages[0]))
                    .startsWith("TLP:AMBER")
                    .contains("voice-cloning");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theCursorWaitsForAGapInTheEventNumbersUntilItTimesOut() {
        var clearance = (Function<String, Optional<Clearance>>) u -> Optional.of(Clearance.of(Tlp.RED));
        subscription("all", "ana", Channel.WEBHOOK, "http://127.0.0.1:9/", SubscriptionFilter.everything());
        DeliveryRepository deliveries = new DeliveryRepository(database);
        AtomicReference<Instant> wall = new AtomicReference<>(T0);
        DeliveryPlanner planner = new DeliveryPlanner(
                events,
                new SubscriptionRepository(database),
                deliveries,
                METHODOLOGY,
                clearance,
                database,
                clock,
                () -> wall.get(),
                Duration.ofSeconds(30));
        raiser.raise(trigger("voice-cloning", "emerging", 0.4, Tlp.CLEAR));
        // number 2 is taken by an instance that has not stored its event yet
        database.getCollection("counters").updateOne(Filters.eq("_id", "alert_events"), Updates.inc("seq", 1L));
        raiser.raise(trigger("drones", "emerging", 0.4, Tlp.CLEAR));
        assertThat(planner.plan()).isEqualTo(1);
        wall.set(T0.plusSeconds(10));
        assertThat(planner.plan()).isZero();
        wall.set(T0.plusSeconds(31));
        assertThat(planner.plan()).isEqualTo(1);
        assertThat(deliveries.count(null, null, "all")).isEqualTo(2);
    }
}
