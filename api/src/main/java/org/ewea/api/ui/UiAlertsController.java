package org.ewea.api.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertRepository.ConcurrentChangeException;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.lifecycle.IllegalTransitionException;
import org.ewea.api.alerts.AlertReads;
import org.ewea.api.security.Permission;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The alerts inbox and an alert's page, with the lifecycle moves and feedback as forms (htmx swaps the row or the
 * page section; without script they post and redirect).
 */
@Controller
class UiAlertsController {

    private final UiSession session;
    private final AlertRepository alerts;
    private final AlertLifecycle lifecycle;
    private final AlertReads reads;
    private final BlockingStore store;

    UiAlertsController(
            UiSession session,
            AlertRepository alerts,
            AlertLifecycle lifecycle,
            AlertReads reads,
            BlockingStore store) {
        this.session = session;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.reads = reads;
        this.store = store;
    }

    /** Alerts a page of the inbox lists. */
    static final int PAGE = 50;
    /** Subject kinds the inbox filters on. */
    static final List<String> KINDS = List.of(
            "technology", "cve", "attack-group", "attack-software", "term", "novel-term", "watch-term", "source");

    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");

    @GetMapping("/ui/alerts")
    Mono<Rendering> inbox(
            Principal principal,
            @RequestParam(name = "state", required = false) @Nullable String state,
            @RequestParam(name = "kind", required = false) @Nullable String kind,
            @RequestParam(name = "priority", required = false) @Nullable String priority,
            @RequestParam(name = "rule", required = false) @Nullable String rule,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "done", required = false) @Nullable String done) {
        AlertState wanted = state == null || state.isBlank() ? null : parse(state);
        String k = kind != null && KINDS.contains(kind) ? kind : null;
        String p = priority != null && PRIORITIES.contains(priority) ? priority : null;
        String r = rule == null || rule.isBlank() ? null : rule.strip();
        int at = Math.max(0, Math.min(page, 10_000));
        return session.user(principal)
                .flatMap(user -> store.call(() -> {
                    AlertRepository.Query query = new AlertRepository.Query(wanted, r, k, null, p, user.clearance());
                    long total = alerts.count(query);
                    return Rendering.view("alerts")
                            .modelAttribute("alerts", alerts.page(query, at, PAGE))
                            .modelAttribute("total", total)
                            .modelAttribute("page", at)
                            .modelAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE))
                            .modelAttribute("state", wanted == null ? "" : wanted.name())
                            .modelAttribute("kind", k == null ? "" : k)
                            .modelAttribute("priority", p == null ? "" : p)
                            .modelAttribute("rule", r == null ? "" : r)
                            .modelAttribute("states", List.of(AlertState.values()))
                            .modelAttribute("kinds", KINDS)
                            .modelAttribute("priorities", PRIORITIES)
                            .modelAttribute("done", done)
                            .modelAttribute("canMove", canMove(user))
                            .build();
                }));
    }

    /**
     * Moves the selected alerts at once (acknowledge, dismiss with a reason...): each as its own lifecycle move, so
     * each is checked, recorded and announced as if moved alone; an alert that cannot make the move is left as it is
     * and named in the answer.
     */
    @PostMapping("/ui/alerts/bulk")
    Mono<Rendering> bulk(Principal principal, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> session.user(principal).flatMap(user -> {
                    if (!canMove(user)) {
                        return Mono.error(
                                new ResponseStatusException(HttpStatus.FORBIDDEN, "your roles do not allow this"));
                    }
                    AlertState to = parse(UiForms.value(form, "to"));
                    String note = UiForms.value(form, "note");
                    List<String> ids = form.getOrDefault("ids", List.of()).stream()
                            .filter(id -> !id.isBlank())
                            .distinct()
                            .limit(PAGE * 4L)
                            .toList();
                    return store.call(() -> {
                        int moved = 0;
                        List<String> refused = new ArrayList<>();
                        for (String id : ids) {
                            try {
                                cleared(user, id);
                                lifecycle.transition(id, to, note, null, user.username(), null);
                                moved++;
                            } catch (ResponseStatusException
                                    | IllegalTransitionException
                                    | IllegalArgumentException
                                    | ConcurrentChangeException e) {
                                refused.add(id.length() > 12 ? id.substring(0, 8) : id);
                            }
                        }
                        String done = moved + " moved to " + to.name()
                                + (refused.isEmpty()
                                        ? ""
                                        : "; " + refused.size() + " could not be (" + String.join(", ", refused) + ")")
                                + (ids.isEmpty() ? " (none selected)" : "");
                        return Rendering.redirectTo(
                                        "/ui/alerts?done=" + URLEncoder.encode(done, StandardCharsets.UTF_8))
                                .build();
                    });
                }));
    }

    @GetMapping("/ui/alerts/{id}")
    Mono<Rendering> alert(
            Principal principal,
            @PathVariable("id") String id,
            @RequestParam(name = "problem", required = false) @Nullable String problem) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> {
                    AlertReads.AlertDetail detail = reads.detail(user, id)
                            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
                    Alert alert = detail.alert();
                    return Rendering.view("alert")
                            .modelAttribute("alert", alert)
                            .modelAttribute("evidence", detail.evidence())
                            .modelAttribute("actions", detail.actions())
                            .modelAttribute(
                                    "next", detail.next().stream().sorted().toList())
                            .modelAttribute("canMove", canMove(user))
                            .modelAttribute("canJudge", user.may(Permission.JUDGE))
                            .modelAttribute("problem", problem)
                            .build();
                }));
    }

    /** A lifecycle move from the inbox (htmx: the row is replaced) or the alert's page (redirect back). */
    @PostMapping("/ui/alerts/{id}/transition")
    Mono<Rendering> transition(Principal principal, @PathVariable("id") String id, ServerWebExchange exchange) {
        boolean htmx = exchange.getRequest().getHeaders().containsHeader("HX-Request");
        return exchange.getFormData()
                .flatMap(form -> session.user(principal).flatMap(user -> {
                    if (!canMove(user)) {
                        return Mono.error(
                                new ResponseStatusException(HttpStatus.FORBIDDEN, "your roles do not allow this"));
                    }
                    return store.call(() -> {
                        cleared(user, id);
                        try {
                            Alert moved = lifecycle.transition(
                                    id,
                                    parse(UiForms.value(form, "to")),
                                    UiForms.value(form, "note"),
                                    UiAssessmentForm.read(form),
                                    user.username(),
                                    null);
                            return htmx
                                    ? Rendering.view("alert-row :: row")
                                            .modelAttribute("a", moved)
                                            .modelAttribute("canMove", true)
                                            .build()
                                    : Rendering.redirectTo("/ui/alerts/" + id).build();
                        } catch (IllegalTransitionException | IllegalArgumentException | ConcurrentChangeException e) {
                            return Rendering.redirectTo("/ui/alerts/" + id + "?problem="
                                            + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8))
                                    .build();
                        }
                    });
                }));
    }

    @PostMapping("/ui/alerts/{id}/feedback")
    Mono<Rendering> feedback(Principal principal, @PathVariable("id") String id, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> session.user(principal).flatMap(user -> {
                    if (!user.may(Permission.JUDGE)) {
                        return Mono.error(
                                new ResponseStatusException(HttpStatus.FORBIDDEN, "your roles do not allow this"));
                    }
                    return store.call(() -> {
                        cleared(user, id);
                        lifecycle.feedback(
                                id,
                                "true".equals(UiForms.value(form, "relevant")),
                                UiForms.value(form, "note"),
                                user.username());
                        return Rendering.redirectTo("/ui/alerts/" + id).build();
                    });
                }));
    }

    private Alert cleared(User user, String id) {
        return reads.cleared(user, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id));
    }

    private static boolean canMove(User user) {
        return user.may(Permission.MOVE_ALERTS);
    }

    private static AlertState parse(@Nullable String value) {
        try {
            return AlertState.valueOf(String.valueOf(value).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown state " + value);
        }
    }
}
