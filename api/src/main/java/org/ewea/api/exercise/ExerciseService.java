package org.ewea.api.exercise;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.digest.Digest;
import org.ewea.alerts.digest.DigestContent;
import org.ewea.alerts.digest.DigestRenderer;
import org.ewea.alerts.lifecycle.AssessmentInput;
import org.ewea.api.alerts.AlertReads;
import org.ewea.api.items.ItemView;
import org.ewea.api.security.Permission;
import org.ewea.api.security.User;
import org.ewea.api.security.UserRepository;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.collectors.recording.RecordingException;
import org.ewea.collectors.search.SearchQuery;
import org.ewea.collectors.search.SearchResult;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.definition.Methodology;
import org.jspecify.annotations.Nullable;

/**
 * What trainers and participants do with exercises, for the API and the web UI alike, with who may do what: trainers
 * (TRAINER, ADMIN) create and run every exercise; participants see only the exercises they are in, and decide there.
 * Problems are {@link ApiProblem}s. Every call blocks.
 */
public final class ExerciseService {

    private static final int MAX_TEXT = 10_000;

    /** An alert of the exercise with its recommended early actions. */
    /**
     * An exercise alert as a participant reads it.
     *
     * @param recommendations its early actions the reader is cleared for
     * @param evidence its evidence items the reader is cleared for
     */
    public record ExerciseAlert(Alert alert, List<EarlyAction> recommendations, List<ItemView> evidence) {}

    private final ExerciseRunner runner;
    private final ExerciseLibrary library;
    private final ExerciseValidator validator;
    private final InstantSource clock;
    private final DigestRenderer digestRenderer;

    public ExerciseService(
            ExerciseRunner runner,
            ExerciseLibrary library,
            Methodology methodology,
            UserRepository users,
            DigestRenderer digestRenderer,
            InstantSource clock) {
        this.digestRenderer = digestRenderer;
        this.runner = runner;
        this.library = library;
        this.validator = new ExerciseValidator(
                methodology.grading().handlingCodes(),
                library::exists,
                u -> users.find(u).isPresent());
        this.clock = clock;
    }

    public static boolean trainer(User user) {
        return user.may(Permission.RUN_EXERCISES);
    }

    /** The exercise if the user may see it (trainers: all; others: theirs), else 404. */
    private Exercise visible(User user, String id) {
        return runner.find(id)
                .filter(e -> trainer(user) || e.teamOf(user.username()).isPresent())
                .orElseThrow(() ->
                        new ApiProblem(ProblemType.NOT_FOUND, "There is no exercise '" + id + "' you take part in."));
    }

    private Exercise trained(User user, String id) {
        Exercise exercise = visible(user, id);
        if (!trainer(user)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only trainers run exercises.");
        }
        return exercise;
    }

    private static ExerciseDefinition.Team team(User user, Exercise exercise) {
        return exercise.teamOf(user.username())
                .orElseThrow(() -> new ApiProblem(
                        ProblemType.FORBIDDEN,
                        "Only participants decide in an exercise; you are not in one of its teams."));
    }

    public List<ExerciseDefinition> templates() {
        return ExerciseLibrary.TEMPLATES.stream()
                .map(library::template)
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Creates an exercise from a definition, or from a bundled one whose id, name, teams and speed the given
     * definition's (where set) replace.
     */
    public ExerciseView create(User user, @Nullable String template, ExerciseDefinition body) {
        if (!trainer(user)) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only trainers create exercises.");
        }
        ExerciseDefinition given = body;
        if (template != null) {
            ExerciseDefinition t = library.template(template)
                    .orElseThrow(() -> ApiProblem.invalidParameter(
                            "template", template, "is not a bundled exercise: " + ExerciseLibrary.TEMPLATES));
            given = new ExerciseDefinition(
                    body.id() != null ? body.id() : t.id(),
                    body.name() != null ? body.name() : t.name(),
                    t.description(),
                    t.recordings(),
                    t.start(),
                    t.end(),
                    body.speed() != null ? body.speed() : t.speed(),
                    t.evaluateEvery(),
                    t.watch(),
                    body.teams() != null ? body.teams() : t.teams(),
                    t.injects(),
                    t.groundTruth());
        }
        ExerciseDefinition valid = validator.validate(given, clock.instant());
        Exercise created = runner.create(valid, user.username())
                .orElseThrow(() ->
                        new ApiProblem(ProblemType.CONFLICT, "There is already an exercise '" + valid.id() + "'."));
        return view(created, user);
    }

    public List<ExerciseView> list(User user) {
        return runner.all().stream()
                .filter(e -> trainer(user) || e.teamOf(user.username()).isPresent())
                .map(e -> ExerciseView.of(
                        e,
                        clock.instant(),
                        e.teamOf(user.username())
                                .map(ExerciseDefinition.Team::id)
                                .orElse(null),
                        null,
                        List.of(),
                        List.of(),
                        0,
                        0))
                .toList();
    }

    public ExerciseView view(User user, String id) {
        return view(visible(user, id), user);
    }

    /** A clock command: start, pause, resume, jump (to) or speed. */
    public ExerciseView clock(User user, String id, String action, @Nullable Instant to, @Nullable Double speed) {
        trained(user, id);
        String command = action.toLowerCase(Locale.ROOT);
        try {
            return view(runner.command(id, command, to, speed), user);
        } catch (IllegalStateException e) {
            throw new ApiProblem(ProblemType.CONFLICT, e.getMessage() + ".");
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(
                    command.equals("jump") && to != null ? "to" : speed != null ? "speed" : "action", e.getMessage());
        }
    }

    /** A live inject; without a time it happens now (simulated). */
    public ExerciseDefinition.Inject inject(User user, String id, ExerciseDefinition.Inject body) {
        Exercise exercise = trained(user, id);
        Instant now = exercise.clock().at(clock.instant());
        ExerciseDefinition.Inject inject = new ExerciseDefinition.Inject(
                body.at() != null ? body.at() : now,
                body.type() == null ? null : body.type().toLowerCase(Locale.ROOT),
                body.title(),
                body.text(),
                body.source(),
                body.grading(),
                body.tlp(),
                body.handling(),
                body.url());
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        validator.checkInject(
                inject,
                "inject",
                exercise.definition().start(),
                exercise.definition().end(),
                errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_REQUEST,
                    "The inject is invalid: "
                            + errors.stream()
                                    .map(e -> e.name() + " " + e.message())
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse("")
                            + ".",
                    errors);
        }
        try {
            return runner.inject(id, inject, user.username());
        } catch (IllegalStateException e) {
            throw new ApiProblem(ProblemType.CONFLICT, e.getMessage() + ".");
        }
    }

    /** The exercise's alerts the user is cleared for, newest first. */
    public List<Alert> alerts(User user, String id) {
        Exercise exercise = visible(user, id);
        synchronized (runner.lock(id)) {
            return runner.loaded(exercise).pipeline().alerts().all(user.clearance()).stream()
                    .sorted(Comparator.comparing(Alert::raisedAt).reversed().thenComparing(Alert::id))
                    .toList();
        }
    }

    public ExerciseAlert alert(User user, String id, String alertId) {
        Exercise exercise = visible(user, id);
        synchronized (runner.lock(id)) {
            ExercisePipeline pipeline = runner.loaded(exercise).pipeline();
            AlertReads.AlertDetail detail =
                    pipeline.reads().detail(user, alertId).orElseThrow(() -> notFound(alertId));
            return new ExerciseAlert(detail.alert(), detail.actions(), detail.evidence());
        }
    }

    private static Alert cleared(ExercisePipeline pipeline, User user, String alertId) {
        return pipeline.reads().cleared(user, alertId).orElseThrow(() -> notFound(alertId));
    }

    private static ApiProblem notFound(String alertId) {
        return new ApiProblem(
                ProblemType.NOT_FOUND,
                "There is no alert '" + alertId + "' in this exercise (or you are not cleared for it).");
    }

    /**
     * A participant moves an exercise alert; stamped with the simulated time and recorded as their team's decision.
     * Throws the lifecycle's exceptions for an illegal move.
     */
    public Alert transition(
            User user,
            String id,
            String alertId,
            AlertState to,
            @Nullable String note,
            @Nullable AssessmentInput input,
            @Nullable Long version) {
        Exercise exercise = visible(user, id);
        ExerciseDefinition.Team team = team(user, exercise);
        synchronized (runner.lock(id)) {
            ExerciseRunner.Loaded loaded = runner.loaded(exercise);
            Alert alert = cleared(loaded.pipeline(), user, alertId);
            Alert moved = loaded.pipeline().lifecycle().transition(alertId, to, note, input, user.username(), version);
            loaded.records()
                    .decide(
                            runner.simulatedNow(id),
                            clock.instant(),
                            user.username(),
                            team.id(),
                            "transition",
                            alertId,
                            alert.subject().kind(),
                            alert.subject().id(),
                            to.name(),
                            List.of(),
                            null,
                            note);
            return moved;
        }
    }

    /** A participant's decision: actions (for an alert), assessment (of an alert) or answer (to a question). */
    public Decision decide(
            User user,
            String id,
            @Nullable String requestedType,
            @Nullable String alertId,
            @Nullable List<String> chosen,
            @Nullable String questionId,
            @Nullable String text) {
        String type = requestedType == null ? "" : requestedType.toLowerCase(Locale.ROOT);
        if (!List.of("actions", "assessment", "answer").contains(type)) {
            throw ApiProblem.invalidField("type", "must be actions, assessment or answer");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw ApiProblem.invalidField("text", "must be at most " + MAX_TEXT + " characters");
        }
        List<String> actions = chosen == null ? List.of() : chosen;
        if (type.equals("actions")
                && (actions.isEmpty()
                        || actions.size() > 50
                        || actions.stream().anyMatch(a -> a == null || !a.matches("[A-Za-z0-9._:-]{1,100}")))) {
            throw ApiProblem.invalidField("actions", "name 1 to 50 recommendation ids");
        }
        if ((type.equals("assessment") || type.equals("answer")) && (text == null || text.isBlank())) {
            throw ApiProblem.invalidField("text", "is required for " + type);
        }
        Exercise exercise = visible(user, id);
        ExerciseDefinition.Team team = team(user, exercise);
        synchronized (runner.lock(id)) {
            ExerciseRunner.Loaded loaded = runner.loaded(exercise);
            Alert alert = null;
            if (!type.equals("answer")) {
                if (alertId == null) {
                    throw ApiProblem.invalidField("alertId", "is required for " + type);
                }
                alert = cleared(loaded.pipeline(), user, alertId);
            } else if (questionId == null
                    || loaded.records().questions().stream().noneMatch(q -> q.id().equals(questionId))) {
                throw ApiProblem.invalidField("questionId", "name a question asked in this exercise");
            }
            return loaded.records()
                    .decide(
                            runner.simulatedNow(id),
                            clock.instant(),
                            user.username(),
                            team.id(),
                            type,
                            alert == null ? null : alert.id(),
                            alert == null ? null : alert.subject().kind(),
                            alert == null ? null : alert.subject().id(),
                            null,
                            actions,
                            questionId,
                            text);
        }
    }

    /**
     * The exercise's items the user may read matching a search, best match first (newest first without words): the
     * exercise's own index, as the service's search reads its items.
     */
    public PageResponse<ItemView> items(User user, String id, SearchQuery query) {
        Exercise exercise = visible(user, id);
        synchronized (runner.lock(id)) {
            ExercisePipeline pipeline = runner.loaded(exercise).pipeline();
            SearchResult found;
            try {
                found = pipeline.index().search(query);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("q", e.getMessage());
            }
            List<ItemView> views =
                    pipeline
                            .items()
                            .findAnnotated(found.ids().stream().map(ItemId::new).toList(), query.clearance())
                            .stream()
                            .map(ItemView::of)
                            .toList();
            return new PageResponse<>(views, query.page(), query.size(), found.total());
        }
    }

    /** The digests made in the exercise, newest first. */
    public List<Digest> digests(User user, String id) {
        Exercise exercise = visible(user, id);
        synchronized (runner.lock(id)) {
            return runner.loaded(exercise).pipeline().archive().page(null, 0, 200);
        }
    }

    /** One of its digests as a page, rendered for the user's clearance. */
    public String digestHtml(User user, String id, String digestId) {
        return digestRenderer.html(digestId, digest(user, id, digestId), user.clearance());
    }

    /** The same as PDF. */
    public byte[] digestPdf(User user, String id, String digestId) {
        return digestRenderer.pdf(digestId, digest(user, id, digestId), user.clearance());
    }

    private DigestContent digest(User user, String id, String digestId) {
        Exercise exercise = visible(user, id);
        synchronized (runner.lock(id)) {
            return runner.loaded(exercise)
                    .pipeline()
                    .archive()
                    .content(digestId)
                    .orElseThrow(() -> new ApiProblem(
                            ProblemType.NOT_FOUND, "There is no digest '" + digestId + "' in this exercise."));
        }
    }

    /** The after-action report for the user's clearance: trainers any time, participants once it has ended. */
    public AfterActionReport report(User user, String id) {
        Exercise exercise = visible(user, id);
        if (!trainer(user) && exercise.clock().state() != ExerciseClock.State.ENDED) {
            throw new ApiProblem(
                    ProblemType.FORBIDDEN,
                    "Participants read the after-action report once the exercise" + " has ended.");
        }
        synchronized (runner.lock(id)) {
            return AfterActionReports.build(exercise, runner.loaded(exercise), user.clearance(), clock.instant());
        }
    }

    public String reportHtml(User user, String id) {
        return AfterActionRenderer.html(report(user, id));
    }

    public byte[] reportPdf(User user, String id) {
        return AfterActionRenderer.pdf(report(user, id));
    }

    private ExerciseView view(Exercise e, User user) {
        synchronized (runner.lock(e.id())) {
            ExerciseRunner.Loaded loaded;
            try {
                loaded = runner.loaded(e);
            } catch (RecordingException ex) {
                throw new ApiProblem(
                        ProblemType.CONFLICT, "The exercise's recordings cannot be read: " + ex.getMessage());
            }
            AfterActionReport scores = AfterActionReports.build(e, loaded, user.clearance(), clock.instant());
            return ExerciseView.of(
                    e,
                    clock.instant(),
                    e.teamOf(user.username()).map(ExerciseDefinition.Team::id).orElse(null),
                    scores.teams(),
                    loaded.records().questions(),
                    loaded.records().log(25, user.clearance()),
                    loaded.pipeline().items().count(),
                    loaded.pipeline().alerts().all(user.clearance()).size());
        }
    }
}
