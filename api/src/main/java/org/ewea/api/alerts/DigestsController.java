package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.ewea.alerts.digest.Digest;
import org.ewea.alerts.digest.DigestBuilder;
import org.ewea.alerts.digest.DigestContent;
import org.ewea.alerts.digest.DigestRenderer;
import org.ewea.alerts.digest.DigestRepository;
import org.ewea.alerts.digest.DigestService;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.RequestValues;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Digests: weekly and on demand, archived, rendered per reader as HTML or PDF. */
@RestController
@Tag(name = "Digests", description = "Analyst digests, policy briefs and trainer packs (HTML and PDF)")
class DigestsController {

    static final int MAX_SIZE = 100;
    static final int MAX_DAYS = 92;
    static final String CSP = DigestRenderer.CSP;

    /** An on-demand digest. */
    record DigestRequest(
            @Schema(description = "analyst, policy or trainer", example = "policy") @Nullable
            String audience,

            @Schema(description = "first day, ISO (default: 6 days before to)") @Nullable
            String from,

            @Schema(description = "last day, ISO (default: today, or the last day with items)") @Nullable
            String to) {}

    private final DigestService digests;
    private final DigestRepository archive;
    private final DigestRenderer renderer;
    private final BlockingStore store;
    private final InstantSource clock;

    DigestsController(
            DigestService digests,
            DigestRepository archive,
            DigestRenderer renderer,
            BlockingStore store,
            InstantSource clock) {
        this.digests = digests;
        this.archive = archive;
        this.renderer = renderer;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/digests", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Make a digest now",
            description = "analyst: top movers, stage transitions, new actors and technologies, alerts, source"
                    + " health and a chart of signal trends; policy: priorities, alerts and recommended early"
                    + " actions; trainer: alerts with their evidence items, newcomers and training actions. The"
                    + " period is at most 92 days. Archived; each reader gets it with only what they are cleared"
                    + " for. Answers its id; read it at /api/v1/digests/{id}.html or .pdf.")
    Mono<Map<String, String>> create(@AuthenticationPrincipal User user, @RequestBody DigestRequest request) {
        if (request.audience() == null || !DigestBuilder.AUDIENCES.contains(request.audience())) {
            throw ApiProblem.invalidField("audience", "is required: analyst, policy or trainer");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate askedTo = RequestValues.dayField("to", request.to());
        LocalDate askedFrom = RequestValues.dayField("from", request.from());
        if (askedTo != null && askedTo.isAfter(today)) {
            throw ApiProblem.invalidField("to", "is in the future");
        }
        return store.call(() -> {
            LocalDate to = askedTo != null ? askedTo : digests.lastWeek().to();
            LocalDate from = askedFrom != null ? askedFrom : to.minusDays(6);
            if (from.isAfter(to)) {
                throw ApiProblem.invalidField("from", "is after to (" + to + ")");
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw ApiProblem.invalidField("from", "the period is longer than " + MAX_DAYS + " days");
            }
            return Map.of("id", digests.create(request.audience(), from, to, user.username()));
        });
    }

    @GetMapping(path = "/api/v1/digests", produces = "application/json")
    @Operation(summary = "The digest archive, newest first")
    Mono<PageResponse<Digest>> list(
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
            @Parameter(description = "analyst, policy or trainer")
                    @RequestParam(name = "audience", required = false)
                    @Nullable
                    String audience) {
        if (audience != null && !DigestBuilder.AUDIENCES.contains(audience)) {
            throw ApiProblem.invalidParameter("audience", audience, "must be analyst, policy or trainer");
        }
        return store.call(
                () -> new PageResponse<>(archive.page(audience, page, size), page, size, archive.count(audience)));
    }

    @GetMapping(path = "/api/v1/digests/{id}.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A digest as HTML, with only what the caller is cleared for")
    Mono<ResponseEntity<String>> html(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> ResponseEntity.ok()
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CSP)
                .body(renderer.html(id, content(id), user.clearance())));
    }

    @GetMapping(path = "/api/v1/digests/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A digest as PDF, with only what the caller is cleared for")
    Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"ewea-digest-" + id.replaceAll("[^A-Za-z0-9-]", "") + ".pdf\"")
                .body(renderer.pdf(id, content(id), user.clearance())));
    }

    private DigestContent content(String id) {
        return archive.content(id).orElseThrow(() -> AlertProblems.notFound("digest", id));
    }
}
