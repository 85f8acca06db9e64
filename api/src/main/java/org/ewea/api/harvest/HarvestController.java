package org.ewea.api.harvest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.ewea.api.config.CollectorsProperties;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.collectors.harvest.HarvestRun;
import org.ewea.collectors.harvest.HarvestRunRepository;
import org.ewea.collectors.harvest.Harvester;
import org.ewea.collectors.harvest.HealthAssessor;
import org.ewea.collectors.harvest.SourceHealth;
import org.ewea.collectors.schedule.SourceLock;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.methodology.SourceId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Harvest a source now, and see how its runs went. */
@RestController
@RequestMapping(path = "/api/v1/sources/{id}", produces = "application/json")
@Tag(name = "Sources")
class HarvestController {

    private static final String SIZE_MESSAGE = "must be between 1 and 200";
    private static final String PAGE_MESSAGE = "must be between 0 and 1000000";

    private final SourceRepository sources;
    private final Harvester harvester;
    private final HarvestRunRepository runs;
    private final HealthAssessor health;
    private final BlockingStore store;
    private final SourceLock lock;

    private final Duration answerWithin;

    HarvestController(
            SourceRepository sources,
            Harvester harvester,
            HarvestRunRepository runs,
            HealthAssessor health,
            BlockingStore store,
            SourceLock lock,
            CollectorsProperties settings) {
        this.answerWithin = settings.harvestAnswer();
        this.lock = lock;
        this.sources = sources;
        this.harvester = harvester;
        this.runs = runs;
        this.health = health;
        this.store = store;
    }

    @PostMapping("/harvest")
    @Operation(
            summary = "Harvest the source now",
            description = "Runs a harvest and answers with the run: outcome NEW_ITEMS, NOT_MODIFIED, EMPTY or FAILED"
                    + " (with the reason), and its accounting (stored + merged + rejected = input). 409 while"
                    + " another harvest of the source runs; 504 when it has not ended within EWEA_COLLECTORS_HARVEST_ANSWER"
                    + " (it goes on, and its run is listed under runs when it ends).")
    Mono<HarvestRun> harvest(@PathVariable("id") String id, @AuthenticationPrincipal User caller) {
        // the harvest runs to its end whatever the caller does; the answer waits for it up to the limit
        CompletableFuture<HarvestRun> running = store.call(() -> {
                    Source source = source(id, caller);
                    return lock.runNow(source.id(), () -> harvester.harvest(source))
                            .orElseThrow(
                                    () -> new ApiProblem(
                                            ProblemType.CONFLICT,
                                            "A harvest of '" + id
                                                    + "' is running already (here or on another instance); try again when it has finished."));
                })
                .toFuture();
        return Mono.fromFuture(running, true)
                .timeout(
                        answerWithin,
                        Mono.error(() -> new ApiProblem(
                                ProblemType.GATEWAY_TIMEOUT,
                                "The harvest of '" + id + "' has not ended within " + answerWithin
                                        + "; it goes on, and its run will be listed at /api/v1/sources/" + id
                                        + "/runs.")));
    }

    @GetMapping("/health")
    @Operation(
            summary = "The source's health",
            description = "NEVER_RUN, UNFINISHED (a harvest started and never recorded its end: running now, or the"
                    + " process stopped during it), HEALTHY, FAILING or SILENT, with last success, failure streak, items per day"
                    + " over 28 days and the usual interval between new items.")
    Mono<SourceHealth> health(@PathVariable("id") String id, @AuthenticationPrincipal User caller) {
        return store.call(() -> health.assess(source(id, caller).id().value()));
    }

    @GetMapping("/runs")
    @Operation(summary = "The source's harvest runs, newest first")
    Mono<PageResponse<HarvestRun>> runs(
            @PathVariable("id") String id,
            @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = PAGE_MESSAGE)
                    @Max(value = 1_000_000, message = PAGE_MESSAGE)
                    int page,
            @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = SIZE_MESSAGE)
                    @Max(value = 200, message = SIZE_MESSAGE)
                    int size,
            @AuthenticationPrincipal User caller) {
        return store.call(() -> {
            String sourceId = source(id, caller).id().value();
            return new PageResponse<>(runs.page(sourceId, page, size), page, size, runs.count(sourceId));
        });
    }

    /** The source, if the caller is cleared for its marking; else 404, as for one that does not exist. */
    private Source source(String id, User caller) {
        try {
            return sources.find(new SourceId(id))
                    .filter(s -> caller.cleared(s.tlp(), s.handling()))
                    .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no source '" + id + "'."));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "There is no source '" + id + "'.");
        }
    }
}
