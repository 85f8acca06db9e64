package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.delivery.SubscriptionFilter;
import org.ewea.alerts.delivery.SubscriptionRepository;
import org.ewea.alerts.engine.EvaluationReport;
import org.ewea.alerts.event.AlertEvent;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.lifecycle.AssessmentInput;
import org.ewea.api.config.AlertsProperties;
import org.ewea.api.security.Standing;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.api.web.RequestValues;
import org.ewea.methodology.definition.Methodology;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Alerts: the inbox, one alert with its evidence and actions, lifecycle moves, feedback, the live stream. */
@RestController
@Tag(name = "Alerts", description = "Alerts raised by the rules, their lifecycle and the live stream")
class AlertsController {

    static final int MAX_SIZE = 100;
    static final int BACKLOG = 1_000;

    /**
     * One alert with what is behind it and what can be done with it.
     *
     * @param provenance what a machine made of it (rules, the score's model, the methodology) and whether a person
     *     has reviewed it since
     */
    private final AlertRepository alerts;

    private final AlertLifecycle lifecycle;
    private final AlertEventLog events;
    private final AlertEventHub hub;
    private final AlertReads reads;
    private final AlertEvaluationScheduler evaluation;
    private final AlertsProperties properties;
    private final SubscriptionRepository subscriptions;
    private final Methodology methodology;
    private final BlockingStore store;

    private final Standing standing;

    AlertsController(
            AlertRepository alerts,
            AlertLifecycle lifecycle,
            AlertEventLog events,
            AlertEventHub hub,
            AlertReads reads,
            AlertEvaluationScheduler evaluation,
            AlertsProperties properties,
            SubscriptionRepository subscriptions,
            Methodology methodology,
            BlockingStore store,
            Standing standing) {
        this.standing = standing;
        this.subscriptions = subscriptions;
        this.methodology = methodology;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.events = events;
        this.hub = hub;
        this.reads = reads;
        this.evaluation = evaluation;
        this.properties = properties;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/alerts", produces = "application/json")
    @Operation(
            summary = "The alerts inbox, most recently changed first",
            description = "Alerts the caller is cleared for (an alert carries the most restrictive marking of the"
                    + " items it cites), filtered by state, rule, subject kind, subject id and priority.")
    Mono<PageResponse<Alert>> list(
            @AuthenticationPrincipal User user,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = "must be between 0 and 10000")
                    @Max(value = 10_000, message = "must be between 0 and 10000")
                    int page,
            @Parameter(description = "Page size, 1 to " + MAX_SIZE)
                    @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
                    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
                    int size,
            @Parameter(description = "NEW, ACKNOWLEDGED, ASSESSED, ACTIONED or DISMISSED")
                    @RequestParam(name = "state", required = false)
                    @Nullable
                    String state,
            @Parameter(description = "the rule id") @RequestParam(name = "rule", required = false) @Nullable
                    String rule,
            @Parameter(description = "technology, cve, attack-group, attack-software, term, watch-term or source")
                    @RequestParam(name = "kind", required = false)
                    @Nullable
                    String kind,
            @Parameter(description = "the subject's id, e.g. voice-cloning or cve:CVE-2024-3400")
                    @RequestParam(name = "subject", required = false)
                    @Nullable
                    String subject,
            @Parameter(description = "the priority id, e.g. P1")
                    @RequestParam(name = "priority", required = false)
                    @Nullable
                    String priority) {
        AlertState wanted = state == null ? null : RequestValues.enumParameter(AlertState.class, "state", state);
        var query = new AlertRepository.Query(wanted, rule, kind, subject, priority, user.clearance());
        return store.call(() -> new PageResponse<>(alerts.page(query, page, size), page, size, alerts.count(query)));
    }

    @GetMapping(path = "/api/v1/alerts/{id}", produces = "application/json")
    @Operation(
            summary = "One alert with its evidence items, early actions and the states it can move to",
            description = "404 when there is no such alert or the caller is not cleared for its marking.")
    Mono<AlertReads.AlertDetail> get(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> reads.detail(user, id).orElseThrow(() -> AlertProblems.notFound("alert", id)));
    }

    @PostMapping(path = "/api/v1/alerts/{id}/transitions", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Move an alert through its lifecycle (ANALYST, POLICY, ADMIN)",
            description = "NEW -> ACKNOWLEDGED -> ASSESSED -> ACTIONED; DISMISSED from any open state, with a note"
                    + " giving the reason. ASSESSED needs an assessment (grade, likelihood, confidence; harm and"
                    + " position have defaults) and sets the alert's priority from the risk matrix. An illegal move"
                    + " (e.g. NEW -> ACTIONED), or a version older than the alert's, answers 409. Every move is kept"
                    + " in the alert's history (who, when, from, to, note) and in the audit trail.")
    Mono<Alert> transition(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @RequestBody AlertRequests.Transition request) {
        if (request.to() == null) {
            throw ApiProblem.invalidField("to", "is required: ACKNOWLEDGED, ASSESSED, ACTIONED or DISMISSED");
        }
        AlertState to = RequestValues.enumField(AlertState.class, "to", request.to());
        AssessmentInput input = request.assessment() == null ? null : AlertRequests.input(request.assessment());
        return store.call(() -> {
                    cleared(user, id);
                    return lifecycle.transition(id, to, request.note(), input, user.username(), request.version());
                })
                .onErrorMap(AlertProblems::of);
    }

    @PostMapping(path = "/api/v1/alerts/{id}/feedback", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Say whether an alert's subject is a relevant threat (ANALYST, ADMIN)",
            description = "One verdict per user, the latest kept; stored on the alert as a label scoring can learn"
                    + " from.")
    Mono<Alert> feedback(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @RequestBody AlertRequests.Feedback request) {
        if (request.relevant() == null) {
            throw ApiProblem.invalidField("relevant", "is required: true or false");
        }
        return store.call(() -> {
                    cleared(user, id);
                    return lifecycle.feedback(id, request.relevant(), request.note(), user.username());
                })
                .onErrorMap(AlertProblems::of);
    }

    @PostMapping(path = "/api/v1/alerts/evaluate", produces = "application/json")
    @Operation(
            summary = "Evaluate the alert rules now (ANALYST, ADMIN)",
            description = "Runs what the schedule runs and reports it, counting only the alerts the caller is cleared"
                    + " for; 409 while another instance is evaluating.")
    Mono<EvaluationReport> evaluate(@AuthenticationPrincipal User user) {
        return store.call(() -> evaluation
                .evaluateNow()
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.CONFLICT,
                        "Another instance is evaluating the alert rules right now; try again shortly."))
                .seenBy(user.clearance()));
    }

    @GetMapping(path = "/api/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Alert events as server-sent events, resumable",
            description = "Every alert event (raised, updated, transition, feedback) the caller is cleared for, from"
                    + " every instance, as it happens; the SSE id is the event's number. Reconnect with the"
                    + " Last-Event-ID header (or lastEventId) to receive first what was missed (up to 1,000 events),"
                    + " then the live stream; without it the stream starts with what happens next. Idle streams get a"
                    + " comment every 15 s.")
    Flux<ServerSentEvent<AlertEvent>> stream(
            @AuthenticationPrincipal User user,
            Authentication authentication,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventHeader,
            @Parameter(description = "as the Last-Event-ID header, for clients that cannot set headers")
                    @RequestParam(name = "lastEventId", required = false)
                    @Nullable
                    String lastEventParam,
            @Parameter(description = "only the events one of your sse subscriptions wants (its filter)")
                    @RequestParam(name = "subscription", required = false)
                    @Nullable
                    String subscriptionId) {
        String given = lastEventHeader != null ? lastEventHeader : lastEventParam;
        Long resumeAfter = given == null ? null : sequence(given);
        Mono<SubscriptionFilter> wanted = subscriptionId == null
                ? Mono.just(SubscriptionFilter.everything().withTypes(SubscriptionFilter.TYPES))
                : store.call(() -> subscriptions
                        .find(subscriptionId)
                        .filter(s -> s.owner().equals(user.username()))
                        .orElseThrow(() -> AlertProblems.notFound("subscription", subscriptionId))
                        .filter());
        return wanted.flatMapMany(filter -> Flux.defer(() -> {
            Sinks.Many<AlertEvent> live = Sinks.many().unicast().onBackpressureBuffer();
            AutoCloseable listening = hub.listen(e -> {
                if (user.cleared(e.tlp(), e.handling()) && filter.matches(e, methodology)) {
                    live.emitNext(e, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
                }
            });
            long[] last = {0};
            Mono<List<AlertEvent>> backlog = store.call(() -> {
                if (resumeAfter == null) {
                    last[0] = events.last();
                    return List.of();
                }
                last[0] = resumeAfter;
                return events.after(resumeAfter, BACKLOG, user.clearance()).stream()
                        .filter(e -> filter.matches(e, methodology))
                        .toList();
            });
            Flux<ServerSentEvent<AlertEvent>> alertEvents = backlog.flatMapMany(Flux::fromIterable)
                    .concatWith(live.asFlux())
                    .filter(e -> {
                        if (e.sequence() <= last[0]) {
                            return false;
                        }
                        last[0] = e.sequence();
                        return true;
                    })
                    .map(e -> ServerSentEvent.builder(e)
                            .id(Long.toString(e.sequence()))
                            .event(e.type())
                            .build());
            Flux<ServerSentEvent<AlertEvent>> heartbeats = Flux.interval(properties.streamHeartbeat())
                    .map(i -> ServerSentEvent.<AlertEvent>builder()
                            .comment("heartbeat")
                            .build());
            // Every event and heartbeat asks again whether the caller still stands (token not revoked, user there)
            // and what they are cleared for now: a revocation ends the stream, a lowered clearance holds back what
            // it no longer covers, on whichever instance the change was made.
            Flux<ServerSentEvent<AlertEvent>> checked = Flux.merge(alertEvents, heartbeats)
                    .concatMap(sse -> standing.recheck(authentication)
                            .map(now -> now.map(u -> sse.data() == null
                                                    || u.cleared(
                                                            sse.data().tlp(),
                                                            sse.data().handling())
                                            ? sse
                                            : HELD_BACK)
                                    .orElse(ENDED)))
                    .takeWhile(sse -> sse != ENDED)
                    .filter(sse -> sse != HELD_BACK);
            return checked.takeUntilOther(hub.closing()).doFinally(signal -> {
                try {
                    listening.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }));
    }

    private static final ServerSentEvent<AlertEvent> HELD_BACK =
            ServerSentEvent.<AlertEvent>builder().comment("held back").build();
    private static final ServerSentEvent<AlertEvent> ENDED =
            ServerSentEvent.<AlertEvent>builder().comment("ended").build();

    private Alert cleared(User user, String id) {
        return reads.cleared(user, id).orElseThrow(() -> AlertProblems.notFound("alert", id));
    }

    private static long sequence(String value) {
        try {
            long sequence = Long.parseLong(value.strip());
            if (sequence < 0) {
                throw new NumberFormatException();
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("Last-Event-ID", value, "must be an event number (0 or more)");
        }
    }
}
