package org.ewea.api.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.digest.DigestRenderer;
import org.ewea.alerts.lifecycle.IllegalTransitionException;
import org.ewea.api.exercise.ExerciseDefinition;
import org.ewea.api.exercise.ExerciseService;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Exercise mode in the UI: the list (and, for trainers, creating one from a bundled exercise), the trainer's control
 * panel (clock, injects, live scoreboard, report) and the participant's view (the exercise's alerts, early actions,
 * questions). Everything goes through {@link ExerciseService}, which says who may do what; a refused or invalid
 * action comes back to the page as a message.
 */
@Controller
class UiExercisesController {

    private final UiSession session;
    private final ExerciseService exercises;
    private final BlockingStore store;

    UiExercisesController(UiSession session, ExerciseService exercises, BlockingStore store) {
        this.session = session;
        this.exercises = exercises;
        this.store = store;
    }

    @GetMapping("/ui/exercises")
    Mono<Rendering> list(
            Principal principal, @RequestParam(name = "problem", required = false) @Nullable String problem) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> Rendering.view("exercises")
                        .modelAttribute("exercises", exercises.list(user))
                        .modelAttribute("templates", ExerciseService.trainer(user) ? exercises.templates() : List.of())
                        .modelAttribute("trainer", ExerciseService.trainer(user))
                        .modelAttribute("problem", problem)
                        .build()));
    }

    @PostMapping("/ui/exercises")
    Mono<Rendering> create(Principal principal, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> session.user(principal)
                        .flatMap(user -> store.call(() -> {
                            List<ExerciseDefinition.Team> teams = new ArrayList<>();
                            for (String team : List.of("a", "b")) {
                                String name = UiForms.value(form, "team-" + team);
                                if (name != null) {
                                    teams.add(new ExerciseDefinition.Team(
                                            name.toLowerCase(Locale.ROOT)
                                                    .replaceAll("[^a-z0-9]+", "-")
                                                    .replaceAll("(^-|-$)", ""),
                                            name,
                                            participants(UiForms.value(form, "members-" + team))));
                                }
                            }
                            String id = UiForms.value(form, "id");
                            return attempt("/ui/exercises", () -> {
                                exercises.create(
                                        user,
                                        UiForms.value(form, "template"),
                                        new ExerciseDefinition(
                                                id,
                                                UiForms.value(form, "name"),
                                                null,
                                                null,
                                                null,
                                                null,
                                                number(UiForms.value(form, "speed")),
                                                null,
                                                null,
                                                teams.isEmpty() ? null : teams,
                                                null,
                                                null));
                                return "/ui/exercises/" + id;
                            });
                        })));
    }

    @GetMapping("/ui/exercises/{id}")
    Mono<Rendering> exercise(
            Principal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "problem", required = false) @Nullable String problem) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> page("exercise", user, id)
                        .modelAttribute("problem", problem)
                        .build()));
    }

    /** The status panel alone, which the page polls with htmx. */
    @GetMapping("/ui/exercises/{id}/status")
    Mono<Rendering> status(Principal principal, @PathVariable("id") String id) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> Rendering.view("exercise :: status")
                        .modelAttribute("x", exercises.view(user, id))
                        .build()));
    }

    private Rendering.Builder<?> page(String view, User user, String id) {
        return Rendering.view(view)
                .modelAttribute("x", exercises.view(user, id))
                .modelAttribute("alerts", exercises.alerts(user, id))
                .modelAttribute("digests", exercises.digests(user, id))
                .modelAttribute("trainer", ExerciseService.trainer(user));
    }

    @GetMapping("/ui/exercises/{id}/alerts/{alertId}")
    Mono<Rendering> alert(
            Principal principal,
            @PathVariable("id") String id,
            @PathVariable("alertId") String alertId,
            @RequestParam(name = "problem", required = false) @Nullable String problem) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> Rendering.view("exercise-alert")
                        .modelAttribute("x", exercises.view(user, id))
                        .modelAttribute("detail", exercises.alert(user, id, alertId))
                        .modelAttribute("problem", problem)
                        .build()));
    }

    @GetMapping(path = "/ui/exercises/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    Mono<ResponseEntity<String>> reportHtml(Principal principal, @PathVariable("id") String id) {
        return session.user(principal).flatMap(user -> store.call(() -> html(exercises.reportHtml(user, id))));
    }

    @GetMapping(path = "/ui/exercises/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    Mono<ResponseEntity<byte[]>> reportPdf(Principal principal, @PathVariable("id") String id) {
        return session.user(principal).flatMap(user -> store.call(() -> pdf(exercises.reportPdf(user, id))));
    }

    @GetMapping(path = "/ui/exercises/{id}/digests/{digestId}.html", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    Mono<ResponseEntity<String>> digestHtml(
            Principal principal, @PathVariable("id") String id, @PathVariable("digestId") String digestId) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> html(exercises.digestHtml(user, id, digestId))));
    }

    @GetMapping(path = "/ui/exercises/{id}/digests/{digestId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    Mono<ResponseEntity<byte[]>> digestPdf(
            Principal principal, @PathVariable("id") String id, @PathVariable("digestId") String digestId) {
        return session.user(principal).flatMap(user -> store.call(() -> pdf(exercises.digestPdf(user, id, digestId))));
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", DigestRenderer.CSP)
                .body(page);
    }

    private static ResponseEntity<byte[]> pdf(byte[] document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(document);
    }

    @PostMapping("/ui/exercises/{id}/clock")
    Mono<Rendering> clock(Principal principal, @PathVariable("id") String id, ServerWebExchange exchange) {
        String back = "/ui/exercises/" + id;
        return exchange.getFormData()
                .flatMap(form -> session.user(principal)
                        .flatMap(user -> store.call(() -> attempt(back, () -> {
                            String to = UiForms.value(form, "to");
                            exercises.clock(
                                    user,
                                    id,
                                    String.valueOf(UiForms.value(form, "action")),
                                    to == null ? null : utc(to),
                                    number(UiForms.value(form, "speed")));
                            return back;
                        }))));
    }

    @PostMapping("/ui/exercises/{id}/injects")
    Mono<Rendering> inject(Principal principal, @PathVariable("id") String id, ServerWebExchange exchange) {
        String back = "/ui/exercises/" + id;
        return exchange.getFormData()
                .flatMap(form -> session.user(principal)
                        .flatMap(user -> store.call(() -> attempt(back, () -> {
                            exercises.inject(
                                    user,
                                    id,
                                    new ExerciseDefinition.Inject(
                                            null,
                                            UiForms.value(form, "type"),
                                            UiForms.value(form, "title"),
                                            UiForms.value(form, "text"),
                                            UiForms.value(form, "source"),
                                            UiForms.value(form, "grading"),
                                            UiForms.value(form, "tlp"),
                                            UiForms.value(form, "handling"),
                                            null));
                            return back;
                        }))));
    }

    @PostMapping("/ui/exercises/{id}/alerts/{alertId}/transition")
    Mono<Rendering> transition(
            Principal principal,
            @PathVariable("id") String id,
            @PathVariable("alertId") String alertId,
            ServerWebExchange exchange) {
        String back = "/ui/exercises/" + id + "/alerts/" + alertId;
        return exchange.getFormData()
                .flatMap(form -> session.user(principal)
                        .flatMap(user -> store.call(() -> attempt(back, () -> {
                            AlertState to = AlertState.valueOf(
                                    String.valueOf(UiForms.value(form, "to")).toUpperCase(Locale.ROOT));
                            exercises.transition(
                                    user,
                                    id,
                                    alertId,
                                    to,
                                    UiForms.value(form, "note"),
                                    UiAssessmentForm.read(form),
                                    null);
                            return back;
                        }))));
    }

    @PostMapping("/ui/exercises/{id}/decisions")
    Mono<Rendering> decide(Principal principal, @PathVariable("id") String id, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> session.user(principal)
                        .flatMap(user -> store.call(() -> {
                            String alertId = UiForms.value(form, "alertId");
                            String back = "/ui/exercises/" + id + (alertId == null ? "" : "/alerts/" + alertId);
                            return attempt(back, () -> {
                                exercises.decide(
                                        user,
                                        id,
                                        UiForms.value(form, "type"),
                                        alertId,
                                        form.get("actions"),
                                        UiForms.value(form, "questionId"),
                                        UiForms.value(form, "text"));
                                return back;
                            });
                        })));
    }

    /** Does it and goes where it says, or back with the problem's message. */
    private static Rendering attempt(String back, Supplier<String> action) {
        try {
            return Rendering.redirectTo(action.get()).build();
        } catch (ApiProblem
                | IllegalTransitionException
                | AlertRepository.ConcurrentChangeException
                | IllegalArgumentException e) {
            return Rendering.redirectTo(back + "?problem="
                            + URLEncoder.encode(String.valueOf(e.getMessage()), StandardCharsets.UTF_8))
                    .build();
        }
    }

    private static List<String> participants(@Nullable String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** A {@code datetime-local} value, read as UTC (the scenario's times are UTC). */
    private static Instant utc(String value) {
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("to", "must be a date and time");
        }
    }

    private static @Nullable Double number(@Nullable String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("speed", "must be a number");
        }
    }
}
