package org.ewea.api.ui;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.action.ActionStatus;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.alerts.digest.DigestBuilder;
import org.ewea.alerts.digest.DigestContent;
import org.ewea.alerts.digest.DigestRenderer;
import org.ewea.alerts.digest.DigestRepository;
import org.ewea.alerts.digest.DigestService;
import org.ewea.api.security.Permission;
import org.ewea.api.store.BlockingStore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The recommendations tracker and the digest archive. */
@Controller
class UiWorkController {

    private final UiSession session;
    private final ActionRepository actions;
    private final DigestService digests;
    private final DigestRepository archive;
    private final DigestRenderer renderer;
    private final BlockingStore store;
    private final InstantSource clock;

    UiWorkController(
            UiSession session,
            ActionRepository actions,
            DigestService digests,
            DigestRepository archive,
            DigestRenderer renderer,
            BlockingStore store,
            InstantSource clock) {
        this.session = session;
        this.actions = actions;
        this.digests = digests;
        this.archive = archive;
        this.renderer = renderer;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/ui/recommendations")
    Mono<Rendering> recommendations(
            Principal principal,
            @RequestParam(name = "audience", required = false) @Nullable String audience,
            @RequestParam(name = "status", required = false) @Nullable String status) {
        ActionStatus wanted = status == null || status.isBlank() ? null : status(status);
        String who = audience == null || audience.isBlank() ? null : audience;
        return session.user(principal)
                .flatMap(user -> store.call(() -> Rendering.view("recommendations")
                        .modelAttribute(
                                "actions",
                                actions.page(
                                        new ActionRepository.Query(wanted, who, null, null, user.clearance()), 0, 200))
                        .modelAttribute("audience", who == null ? "" : who)
                        .modelAttribute("status", wanted == null ? "" : wanted.name())
                        .modelAttribute("statuses", List.of(ActionStatus.values()))
                        .modelAttribute("canChange", user.may(Permission.MOVE_ALERTS))
                        .build()));
    }

    @PostMapping("/ui/recommendations/{id}")
    Mono<Rendering> changeRecommendation(
            Principal principal, @PathVariable("id") String id, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(form -> session.user(principal).flatMap(user -> {
                    if (!user.may(Permission.MOVE_ALERTS)) {
                        return Mono.error(
                                new ResponseStatusException(HttpStatus.FORBIDDEN, "your roles do not allow this"));
                    }
                    ActionStatus next = status(String.valueOf(form.getFirst("status")));
                    return store.call(() -> {
                        EarlyAction a = actions.find(id)
                                .filter(found -> user.cleared(found.tlp(), found.handling()))
                                .orElseThrow(
                                        () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no action " + id));
                        if (!actions.replace(
                                a.changed(
                                        a.assignee() == null ? user.username() : null,
                                        next,
                                        null,
                                        null,
                                        clock.instant()),
                                a.version())) {
                            throw new ResponseStatusException(
                                    HttpStatus.CONFLICT, "changed by someone else meanwhile: reload");
                        }
                        return Rendering.redirectTo("/ui/recommendations").build();
                    });
                }));
    }

    @GetMapping("/ui/digests")
    Mono<Rendering> digests() {
        return store.call(() -> Rendering.view("digests")
                .modelAttribute("digests", archive.page(null, 0, 100))
                .modelAttribute(
                        "audiences", DigestBuilder.AUDIENCES.stream().sorted().toList())
                .build());
    }

    @PostMapping("/ui/digests")
    Mono<Rendering> makeDigest(Principal principal, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String audience = form.getFirst("audience");
            if (audience == null || !DigestBuilder.AUDIENCES.contains(audience)) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown audience"));
            }
            return store.call(() -> {
                DigestBuilder.Period week = digests.lastWeek();
                String id = digests.create(audience, week.from(), week.to(), principal.getName());
                return Rendering.redirectTo("/ui/digests#" + id).build();
            });
        });
    }

    @GetMapping(path = "/ui/digests/{id}.html", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    Mono<ResponseEntity<String>> digestHtml(Principal principal, @PathVariable("id") String id) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                        .header("Content-Security-Policy", DigestRenderer.CSP)
                        .body(renderer.html(id, content(id), user.clearance()))));
    }

    @GetMapping(path = "/ui/digests/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    Mono<ResponseEntity<byte[]>> digestPdf(Principal principal, @PathVariable("id") String id) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ewea-digest.pdf\"")
                        .body(renderer.pdf(id, content(id), user.clearance()))));
    }

    private DigestContent content(String id) {
        return archive.content(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no digest " + id));
    }

    private static ActionStatus status(String value) {
        try {
            return ActionStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown status " + value);
        }
    }
}
