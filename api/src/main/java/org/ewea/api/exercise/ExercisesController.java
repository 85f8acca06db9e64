package org.ewea.api.exercise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.digest.Digest;
import org.ewea.alerts.lifecycle.AssessmentInput;
import org.ewea.api.alerts.AlertProblems;
import org.ewea.api.alerts.AlertRequests;
import org.ewea.api.items.ItemView;
import org.ewea.api.items.SearchLimits;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.RequestValues;
import org.ewea.collectors.search.SearchQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Exercise mode: trainers create exercises from a definition (or a bundled one), run their clocks and inject events;
 * participants work their exercise's alerts, choose early actions and answer questions, every decision stamped with
 * the simulated time; the after-action report measures it all against the ground truth. An exercise has its own
 * database: nothing here reads or writes the live service's items, alerts or actions.
 */
@RestController
@Tag(name = "Exercises", description = "Replay recorded data on a simulated clock in isolated workspaces")
class ExercisesController {

    /** A clock command. */
    record ClockCommand(
            @Schema(
                    description = "start, pause, resume, jump or speed",
                    example = "start",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String action,

            @Schema(description = "for jump: the simulated time to replay to", example = "2025-03-05T12:00:00Z")
            @Nullable
            String to,

            @Schema(description = "simulated seconds per second, 1 to 10000", example = "1000") @Nullable
            Double speed) {}

    /** A participant's decision other than an alert transition. */
    record DecisionRequest(
            @Schema(
                    description = "actions (early actions chosen for an alert), assessment (a short written"
                            + " assessment of an alert) or answer (to a policy question)",
                    example = "actions",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String type,

            @Schema(description = "the alert (actions, assessment)") @Nullable
            String alertId,

            @Schema(description = "playbook recommendation ids chosen (actions)") @Nullable
            List<String> actions,

            @Schema(description = "the question answered (answer)", example = "q3") @Nullable
            String questionId,

            @Schema(description = "the assessment or answer") @Nullable
            String text) {}

    private final ExerciseService exercises;
    private final BlockingStore store;

    ExercisesController(ExerciseService exercises, BlockingStore store) {
        this.exercises = exercises;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/exercises/templates", produces = "application/json")
    @Operation(summary = "The exercises bundled with the service, ready to create")
    Mono<PageResponse<ExerciseDefinition>> templates() {
        return store.call(() -> {
            List<ExerciseDefinition> all = exercises.templates();
            return new PageResponse<>(all, 0, Math.max(1, all.size()), all.size());
        });
    }

    @PostMapping(path = "/api/v1/exercises", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Create an exercise (TRAINER, ADMIN)",
            description = "From a definition, or from a bundled one (?template=ransomware-week) with the body's id,"
                    + " name, teams and speed replacing the bundled ones. The exercise gets a database of its own."
                    + " 400 naming every invalid field; 409 if the id is taken.")
    Mono<ResponseEntity<ExerciseView>> create(
            @AuthenticationPrincipal User user,
            @Parameter(description = "a bundled exercise to start from")
                    @RequestParam(name = "template", required = false)
                    @Nullable
                    String template,
            @RequestBody ExerciseDefinition body) {
        return store.call(() -> {
            ExerciseView created = exercises.create(user, template, body);
            return ResponseEntity.created(URI.create("/api/v1/exercises/" + created.id()))
                    .body(created);
        });
    }

    @GetMapping(path = "/api/v1/exercises", produces = "application/json")
    @Operation(summary = "Exercises: every one for trainers, the ones you take part in for others")
    Mono<PageResponse<ExerciseView>> list(@AuthenticationPrincipal User user) {
        return store.call(() -> {
            List<ExerciseView> views = exercises.list(user);
            return new PageResponse<>(views, 0, Math.max(1, views.size()), views.size());
        });
    }

    @GetMapping(path = "/api/v1/exercises/{id}", produces = "application/json")
    @Operation(summary = "An exercise: clock, progress, teams, live scoreboard, questions and its latest log lines")
    Mono<ExerciseView> get(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> exercises.view(user, id));
    }

    @PostMapping(path = "/api/v1/exercises/{id}/clock", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Start, pause, resume, jump or change the speed of an exercise's clock (TRAINER, ADMIN)",
            description = "jump replays everything up to 'to' before answering (forwards only). 409 for a command"
                    + " the exercise's state does not allow (e.g. resume a running one).")
    Mono<ExerciseView> clock(
            @AuthenticationPrincipal User user, @PathVariable("id") String id, @RequestBody ClockCommand command) {
        String action = command.action() == null ? "" : command.action();
        Instant to = command.to() == null ? null : RequestValues.instantField("to", command.to());
        return store.call(() -> exercises.clock(user, id, action, to, command.speed()));
    }

    @PostMapping(path = "/api/v1/exercises/{id}/injects", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Inject an event into a running exercise (TRAINER, ADMIN)",
            description = "item, tip, source-dark or question, as in a definition's injects. Without 'at' it happens"
                    + " now (simulated); one at or before the time already replayed happens right after it.")
    Mono<ResponseEntity<ExerciseDefinition.Inject>> inject(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @RequestBody ExerciseDefinition.Inject body) {
        return store.call(() -> ResponseEntity.status(201).body(exercises.inject(user, id, body)));
    }

    @GetMapping(path = "/api/v1/exercises/{id}/alerts", produces = "application/json")
    @Operation(summary = "The exercise's alerts so far, newest first (participants and trainers; your clearance)")
    Mono<PageResponse<Alert>> alerts(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> {
            List<Alert> all = exercises.alerts(user, id);
            return new PageResponse<>(all, 0, Math.max(1, all.size()), all.size());
        });
    }

    @GetMapping(path = "/api/v1/exercises/{id}/alerts/{alertId}", produces = "application/json")
    @Operation(summary = "One alert of the exercise with the early actions its playbooks recommend")
    Mono<ExerciseService.ExerciseAlert> alert(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @PathVariable("alertId") String alertId) {
        return store.call(() -> exercises.alert(user, id, alertId));
    }

    @PostMapping(
            path = "/api/v1/exercises/{id}/alerts/{alertId}/transitions",
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            summary = "Move an exercise alert through its lifecycle (participants)",
            description = "As POST /api/v1/alerts/{id}/transitions, inside the exercise: stamped with the simulated"
                    + " time and recorded as the participant's (and their team's) decision. 409 for an illegal move.")
    Mono<Alert> transition(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @PathVariable("alertId") String alertId,
            @RequestBody AlertRequests.Transition request) {
        if (request.to() == null) {
            throw ApiProblem.invalidField("to", "is required: ACKNOWLEDGED, ASSESSED, ACTIONED or DISMISSED");
        }
        AlertState to = RequestValues.enumField(AlertState.class, "to", request.to());
        AssessmentInput input = request.assessment() == null ? null : AlertRequests.input(request.assessment());
        return store.call(() -> exercises.transition(user, id, alertId, to, request.note(), input, request.version()))
                .onErrorMap(AlertProblems::of);
    }

    @PostMapping(
            path = "/api/v1/exercises/{id}/decisions",
            consumes = "application/json",
            produces = "application/json")
    @Operation(
            summary = "Record a decision: early actions chosen, a written assessment, or an answer (participants)",
            description = "Stamped with the simulated time. actions: recommendation ids of the alert's playbook"
                    + " recommendations (others are recorded too, and reported as not recommended).")
    Mono<ResponseEntity<Decision>> decide(
            @AuthenticationPrincipal User user, @PathVariable("id") String id, @RequestBody DecisionRequest request) {
        return store.call(() -> ResponseEntity.status(201)
                .body(exercises.decide(
                        user,
                        id,
                        request.type(),
                        request.alertId(),
                        request.actions(),
                        request.questionId(),
                        request.text())));
    }

    @GetMapping(path = "/api/v1/exercises/{id}/items", produces = "application/json")
    @Operation(
            summary = "Search the exercise's items (trainers and the exercise's participants)",
            description = "As GET /api/v1/items with q, inside the exercise: the items its replay and injects stored"
                    + " so far, only those the caller is cleared for, best match first (newest first without q),"
                    + " with the lexicon's synonyms in every language. Plain words, never query syntax.")
    Mono<PageResponse<ItemView>> items(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @Parameter(
                            description = "Words to find, in any language (plain text, at most "
                                    + SearchLimits.MAX_QUERY + " characters)")
                    @RequestParam(name = "q", required = false)
                    @Nullable
                    String q,
            @Parameter(description = "Facet filter: a taxonomy technology id")
                    @RequestParam(name = "technology", required = false)
                    @Nullable
                    String technology,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = "must be between 0 and 500")
                    @Max(value = 500, message = "must be between 0 and 500")
                    int page,
            @Parameter(description = "Page size, 1 to 100")
                    @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and 100")
                    @Max(value = 100, message = "must be between 1 and 100")
                    int size) {
        SearchLimits.check(q, page, size);
        SearchQuery query =
                new SearchQuery(q, technology, null, null, null, null, null, null, user.clearance(), page, size);
        return store.call(() -> exercises.items(user, id, query));
    }

    @GetMapping(path = "/api/v1/exercises/{id}/digests", produces = "application/json")
    @Operation(
            summary = "The weekly digests made in the exercise, newest first",
            description = "Made in simulated time by the service's digest schedule (EWEA_ALERTS_DIGEST_CRON in"
                    + " EWEA_ALERTS_DIGEST_ZONE), whether or not the service makes its own.")
    Mono<PageResponse<Digest>> digests(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> {
            List<Digest> all = exercises.digests(user, id);
            return new PageResponse<>(all, 0, Math.max(1, all.size()), all.size());
        });
    }

    @GetMapping(path = "/api/v1/exercises/{id}/digests/{digestId}.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "An exercise digest as a page, with only what you are cleared for")
    Mono<ResponseEntity<String>> digestHtml(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @PathVariable("digestId") String digestId) {
        return store.call(() -> ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", AfterActionRenderer.CSP)
                .body(exercises.digestHtml(user, id, digestId)));
    }

    @GetMapping(path = "/api/v1/exercises/{id}/digests/{digestId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "An exercise digest as PDF")
    Mono<ResponseEntity<byte[]>> digestPdf(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @PathVariable("digestId") String digestId) {
        return store.call(() -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .body(exercises.digestPdf(user, id, digestId)));
    }

    @GetMapping(path = "/api/v1/exercises/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The after-action report as a page (trainers; participants once the exercise has ended)")
    Mono<ResponseEntity<String>> reportHtml(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", AfterActionRenderer.CSP)
                .body(exercises.reportHtml(user, id)));
    }

    @GetMapping(path = "/api/v1/exercises/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The after-action report as PDF")
    Mono<ResponseEntity<byte[]>> reportPdf(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"after-action-" + id.replaceAll("[^a-z0-9-]", "") + ".pdf\"")
                .body(exercises.reportPdf(user, id)));
    }
}
