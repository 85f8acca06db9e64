package org.ewea.api.exercise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.lifecycle.AssessmentInput;
import org.ewea.api.alerts.AlertProblems;
import org.ewea.api.alerts.AlertRequests;
import org.ewea.api.security.Role;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.api.web.RequestValues;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.definition.Methodology;
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

    private static final int MAX_TEXT = 10_000;

    /** A clock command. */
    record ClockCommand(
            @Schema(description = "start, pause, resume, jump or speed", example = "start",
                    requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String action,
            @Schema(description = "for jump: the simulated time to replay to", example = "2025-03-05T12:00:00Z")
            @Nullable String to,
            @Schema(description = "simulated seconds per second, 1 to 10000", example = "1000") @Nullable Double speed) {
    }

    /** A participant's decision other than an alert transition. */
    record DecisionRequest(
            @Schema(description = "actions (early actions chosen for an alert), assessment (a short written"
                    + " assessment of an alert) or answer (to a policy question)", example = "actions",
                    requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String type,
            @Schema(description = "the alert (actions, assessment)") @Nullable String alertId,
            @Schema(description = "playbook recommendation ids chosen (actions)") @Nullable List<String> actions,
            @Schema(description = "the question answered (answer)", example = "q3") @Nullable String questionId,
            @Schema(description = "the assessment or answer") @Nullable String text) {
    }

    /** An alert of the exercise with its recommended early actions. */
    record ExerciseAlert(Alert alert, List<EarlyAction> recommendations) {
    }

    private final ExerciseRunner runner;
    private final ExerciseLibrary library;
    private final ExerciseValidator validator;
    private final BlockingStore store;
    private final InstantSource clock;

    ExercisesController(ExerciseRunner runner, ExerciseLibrary library, Methodology methodology,
            org.ewea.api.security.UserRepository users, BlockingStore store, InstantSource clock) {
        this.runner = runner;
        this.library = library;
        this.validator = new ExerciseValidator(methodology.grading().handlingCodes(), library::exists,
                u -> users.find(u).isPresent());
        this.store = store;
        this.clock = clock;
    }

    static boolean trainer(User user) {
        return user.has(Role.TRAINER) || user.has(Role.ADMIN);
    }

    /** The exercise if the user may see it (trainers: all; others: theirs), else 404. */
    private Exercise visible(User user, String id) {
        return runner.find(id).filter(e -> trainer(user) || e.teamOf(user.username()).isPresent())
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no exercise '" + id
                        + "' you take part in."));
    }

    private Exercise trained(User user, String id) {
        Exercise exercise = visible(user, id);
        if (!trainer(user)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only trainers run exercises.");
        }
        return exercise;
    }

    private ExerciseDefinition.Team team(User user, Exercise exercise) {
        return exercise.teamOf(user.username()).orElseThrow(() -> new ApiProblem(ProblemType.FORBIDDEN,
                "Only participants decide in an exercise; you are not in one of its teams."));
    }

    @GetMapping(path = "/api/v1/exercises/templates", produces = "application/json")
    @Operation(summary = "The exercises bundled with the service, ready to create")
    Mono<PageResponse<ExerciseDefinition>> templates() {
        return store.call(() -> {
            List<ExerciseDefinition> all = ExerciseLibrary.TEMPLATES.stream().map(library::template)
                    .flatMap(java.util.Optional::stream).toList();
            return new PageResponse<>(all, 0, Math.max(1, all.size()), all.size());
        });
    }

    @PostMapping(path = "/api/v1/exercises", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Create an exercise (TRAINER, ADMIN)",
            description = "From a definition, or from a bundled one (?template=ransomware-week) with the body's id,"
                    + " name, teams and speed replacing the bundled ones. The exercise gets a database of its own."
                    + " 400 naming every invalid field; 409 if the id is taken.")
    Mono<ResponseEntity<ExerciseView>> create(@AuthenticationPrincipal User user,
            @Parameter(description = "a bundled exercise to start from") @RequestParam(name = "template",
                    required = false) @Nullable String template,
            @RequestBody ExerciseDefinition body) {
        if (!trainer(user)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only trainers create exercises.");
        }
        return store.call(() -> {
            ExerciseDefinition given = body;
            if (template != null) {
                ExerciseDefinition t = library.template(template).orElseThrow(() -> ApiProblem.invalidParameter(
                        "template", template, "is not a bundled exercise: " + ExerciseLibrary.TEMPLATES));
                given = new ExerciseDefinition(body.id() != null ? body.id() : t.id(),
                        body.name() != null ? body.name() : t.name(), t.description(), t.recordings(), t.start(),
                        t.end(), body.speed() != null ? body.speed() : t.speed(), t.evaluateEvery(), t.watch(),
                        body.teams() != null ? body.teams() : t.teams(), t.injects(), t.groundTruth());
            }
            ExerciseDefinition valid = validator.validate(given, clock.instant());
            Exercise created = runner.create(valid, user.username()).orElseThrow(() -> new ApiProblem(
                    ProblemType.CONFLICT, "There is already an exercise '" + valid.id() + "'."));
            return ResponseEntity.created(URI.create("/api/v1/exercises/" + created.id()))
                    .body(view(created, user));
        });
    }

    @GetMapping(path = "/api/v1/exercises", produces = "application/json")
    @Operation(summary = "Exercises: every one for trainers, the ones you take part in for others")
    Mono<PageResponse<ExerciseView>> list(@AuthenticationPrincipal User user) {
        return store.call(() -> {
            List<ExerciseView> views = runner.all().stream().filter(e -> trainer(user)
                    || e.teamOf(user.username()).isPresent()).map(e -> summary(e, user)).toList();
            return new PageResponse<>(views, 0, Math.max(1, views.size()), views.size());
        });
    }

    @GetMapping(path = "/api/v1/exercises/{id}", produces = "application/json")
    @Operation(summary = "An exercise: clock, progress, teams, live scoreboard, questions and its latest log lines")
    Mono<ExerciseView> get(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> view(visible(user, id), user));
    }

    @PostMapping(path = "/api/v1/exercises/{id}/clock", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Start, pause, resume, jump or change the speed of an exercise's clock (TRAINER, ADMIN)",
            description = "jump replays everything up to 'to' before answering (forwards only). 409 for a command"
                    + " the exercise's state does not allow (e.g. resume a running one).")
    Mono<ExerciseView> clock(@AuthenticationPrincipal User user, @PathVariable("id") String id,
            @RequestBody ClockCommand command) {
        String action = command.action() == null ? "" : command.action().toLowerCase(Locale.ROOT);
        Instant to = command.to() == null ? null : RequestValues.instantField("to", command.to());
        return store.call(() -> {
            trained(user, id);
            try {
                return view(runner.command(id, action, to, command.speed()), user);
            } catch (IllegalStateException e) {
                throw new ApiProblem(ProblemType.CONFLICT, e.getMessage() + ".");
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField(action.equals("jump") && to != null ? "to" : command.speed() != null
                        ? "speed" : "action", e.getMessage());
            }
        });
    }

    @PostMapping(path = "/api/v1/exercises/{id}/injects", consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Inject an event into a running exercise (TRAINER, ADMIN)",
            description = "item, tip, source-dark or question, as in a definition's injects. Without 'at' it happens"
                    + " now (simulated); one at or before the time already replayed happens right after it.")
    Mono<ResponseEntity<ExerciseDefinition.Inject>> inject(@AuthenticationPrincipal User user,
            @PathVariable("id") String id, @RequestBody ExerciseDefinition.Inject body) {
        return store.call(() -> {
            Exercise exercise = trained(user, id);
            Instant now = exercise.clock().at(clock.instant());
            ExerciseDefinition.Inject inject = new ExerciseDefinition.Inject(body.at() != null ? body.at() : now,
                    body.type() == null ? null : body.type().toLowerCase(Locale.ROOT), body.title(), body.text(),
                    body.source(), body.grading(), body.tlp(), body.handling(), body.url());
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            validator.checkInject(inject, "inject", exercise.definition().start(), exercise.definition().end(),
                    errors);
            if (!errors.isEmpty()) {
                throw new ApiProblem(ProblemType.INVALID_REQUEST, "The inject is invalid: " + errors.stream()
                        .map(e -> e.name() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("") + ".",
                        errors);
            }
            try {
                return ResponseEntity.status(201).body(runner.inject(id, inject, user.username()));
            } catch (IllegalStateException e) {
                throw new ApiProblem(ProblemType.CONFLICT, e.getMessage() + ".");
            }
        });
    }

    @GetMapping(path = "/api/v1/exercises/{id}/alerts", produces = "application/json")
    @Operation(summary = "The exercise's alerts so far, newest first (participants and trainers; your clearance)")
    Mono<PageResponse<Alert>> alerts(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> {
            Exercise exercise = visible(user, id);
            synchronized (runner.lock(id)) {
                List<Alert> all = runner.loaded(exercise).pipeline().alerts().all(user.clearance()).stream()
                        .sorted(java.util.Comparator.comparing(Alert::raisedAt).reversed()
                                .thenComparing(Alert::id)).toList();
                return new PageResponse<>(all, 0, Math.max(1, all.size()), all.size());
            }
        });
    }

    @GetMapping(path = "/api/v1/exercises/{id}/alerts/{alertId}", produces = "application/json")
    @Operation(summary = "One alert of the exercise with the early actions its playbooks recommend")
    Mono<ExerciseAlert> alert(@AuthenticationPrincipal User user, @PathVariable("id") String id,
            @PathVariable("alertId") String alertId) {
        return store.call(() -> {
            Exercise exercise = visible(user, id);
            synchronized (runner.lock(id)) {
                ExercisePipeline pipeline = runner.loaded(exercise).pipeline();
                Alert alert = cleared(pipeline, user, alertId);
                return new ExerciseAlert(alert, pipeline.actions().page(new ActionRepository.Query(null, null,
                        alertId, null, user.clearance()), 0, 200));
            }
        });
    }

    private static Alert cleared(ExercisePipeline pipeline, User user, String alertId) {
        return pipeline.alerts().find(alertId).filter(a -> user.cleared(a.tlp(), a.handling()))
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no alert '" + alertId
                        + "' in this exercise (or you are not cleared for it)."));
    }

    @PostMapping(path = "/api/v1/exercises/{id}/alerts/{alertId}/transitions", consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Move an exercise alert through its lifecycle (participants)",
            description = "As POST /api/v1/alerts/{id}/transitions, inside the exercise: stamped with the simulated"
                    + " time and recorded as the participant's (and their team's) decision. 409 for an illegal move.")
    Mono<Alert> transition(@AuthenticationPrincipal User user, @PathVariable("id") String id,
            @PathVariable("alertId") String alertId, @RequestBody AlertRequests.Transition request) {
        if (request.to() == null) {
            throw ApiProblem.invalidField("to", "is required: ACKNOWLEDGED, ASSESSED, ACTIONED or DISMISSED");
        }
        AlertState to = RequestValues.enumField(AlertState.class, "to", request.to());
        AssessmentInput input = request.assessment() == null ? null : AlertRequests.input(request.assessment());
        return store.call(() -> {
            Exercise exercise = visible(user, id);
            ExerciseDefinition.Team team = team(user, exercise);
            synchronized (runner.lock(id)) {
                ExerciseRunner.Loaded loaded = runner.loaded(exercise);
                Alert alert = cleared(loaded.pipeline(), user, alertId);
                Alert moved = loaded.pipeline().lifecycle().transition(alertId, to, request.note(), input,
                        user.username(), request.version());
                loaded.records().decide(runner.simulatedNow(id), clock.instant(), user.username(), team.id(),
                        "transition", alertId, alert.subject().kind(), alert.subject().id(), to.name(), List.of(),
                        null, request.note());
                return moved;
            }
        }).onErrorMap(AlertProblems::of);
    }

    @PostMapping(path = "/api/v1/exercises/{id}/decisions", consumes = "application/json",
            produces = "application/json")
    @Operation(summary = "Record a decision: early actions chosen, a written assessment, or an answer (participants)",
            description = "Stamped with the simulated time. actions: recommendation ids of the alert's playbook"
                    + " recommendations (others are recorded too, and reported as not recommended).")
    Mono<ResponseEntity<Decision>> decide(@AuthenticationPrincipal User user, @PathVariable("id") String id,
            @RequestBody DecisionRequest request) {
        String type = request.type() == null ? "" : request.type().toLowerCase(Locale.ROOT);
        if (!List.of("actions", "assessment", "answer").contains(type)) {
            throw ApiProblem.invalidField("type", "must be actions, assessment or answer");
        }
        if (request.text() != null && request.text().length() > MAX_TEXT) {
            throw ApiProblem.invalidField("text", "must be at most " + MAX_TEXT + " characters");
        }
        List<String> actions = request.actions() == null ? List.of() : request.actions();
        if (type.equals("actions") && (actions.isEmpty() || actions.size() > 50
                || actions.stream().anyMatch(a -> a == null || !a.matches("[A-Za-z0-9._:-]{1,100}")))) {
            throw ApiProblem.invalidField("actions", "name 1 to 50 recommendation ids");
        }
        if ((type.equals("assessment") || type.equals("answer")) && (request.text() == null
                || request.text().isBlank())) {
            throw ApiProblem.invalidField("text", "is required for " + type);
        }
        return store.call(() -> {
            Exercise exercise = visible(user, id);
            ExerciseDefinition.Team team = team(user, exercise);
            synchronized (runner.lock(id)) {
                ExerciseRunner.Loaded loaded = runner.loaded(exercise);
                Alert alert = null;
                if (!type.equals("answer")) {
                    if (request.alertId() == null) {
                        throw ApiProblem.invalidField("alertId", "is required for " + type);
                    }
                    alert = cleared(loaded.pipeline(), user, request.alertId());
                } else if (request.questionId() == null || loaded.records().questions().stream()
                        .noneMatch(q -> q.id().equals(request.questionId()))) {
                    throw ApiProblem.invalidField("questionId", "name a question asked in this exercise");
                }
                Decision decision = loaded.records().decide(runner.simulatedNow(id), clock.instant(), user.username(),
                        team.id(), type, alert == null ? null : alert.id(), alert == null ? null
                                : alert.subject().kind(), alert == null ? null : alert.subject().id(), null, actions,
                        request.questionId(), request.text());
                return ResponseEntity.status(201).body(decision);
            }
        });
    }

    @GetMapping(path = "/api/v1/exercises/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The after-action report as a page (trainers; participants once the exercise has ended)")
    Mono<ResponseEntity<String>> reportHtml(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", AfterActionRenderer.CSP)
                .body(AfterActionRenderer.html(report(user, id))));
    }

    @GetMapping(path = "/api/v1/exercises/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The after-action report as PDF")
    Mono<ResponseEntity<byte[]>> reportPdf(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"after-action-" + id.replaceAll(
                        "[^a-z0-9-]", "") + ".pdf\"")
                .body(AfterActionRenderer.pdf(report(user, id))));
    }

    private AfterActionReport report(User user, String id) {
        Exercise exercise = visible(user, id);
        if (!trainer(user) && exercise.clock().state() != ExerciseClock.State.ENDED) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Participants read the after-action report once the exercise"
                    + " has ended.");
        }
        synchronized (runner.lock(id)) {
            return AfterActionReports.build(exercise, runner.loaded(exercise), user.clearance(), clock.instant());
        }
    }

    private ExerciseView summary(Exercise e, User user) {
        return ExerciseView.of(e, clock.instant(), e.teamOf(user.username()).map(ExerciseDefinition.Team::id)
                .orElse(null), null, List.of(), List.of(), 0, 0);
    }

    private ExerciseView view(Exercise e, User user) {
        synchronized (runner.lock(e.id())) {
            ExerciseRunner.Loaded loaded;
            try {
                loaded = runner.loaded(e);
            } catch (NoSuchElementException | org.ewea.collectors.recording.RecordingException ex) {
                throw new ApiProblem(ProblemType.CONFLICT, "The exercise's recordings cannot be read: "
                        + ex.getMessage());
            }
            Clearance clearance = user.clearance();
            AfterActionReport scores = AfterActionReports.build(e, loaded, clearance, clock.instant());
            return ExerciseView.of(e, clock.instant(), e.teamOf(user.username()).map(ExerciseDefinition.Team::id)
                    .orElse(null), scores.teams(), loaded.records().questions(), loaded.records().log(25),
                    loaded.pipeline().items().count(), loaded.pipeline().alerts().all(clearance).size());
        }
    }
}
