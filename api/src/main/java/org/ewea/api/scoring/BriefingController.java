package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The analyst's "this week": early warnings first, then rising, new and stage changes, known threats apart. */
@RestController
@Tag(name = "Scores")
class BriefingController {

    private final WeeklyBriefings briefings;
    private final BlockingStore store;

    BriefingController(WeeklyBriefings briefings, BlockingStore store) {
        this.briefings = briefings;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/briefing", produces = "application/json")
    @Operation(
            summary = "The analyst's briefing of a week",
            description = "As of a day, as the caller may see it: earlyWarnings first (subjects no authoritative"
                    + " record held that day: CVEs not in the authoritative sources' items, ATT&CK groups and"
                    + " software before ATT&CK created them, accepted terms, and names the rules warned of in the"
                    + " 182 days to the day that are still open; each with the record's entry and the lead when the"
                    + " record took it up later), then rising technologies (growth of the last 7 days against the"
                    + " weekly mean of the 4 weeks before at least 1.5 times the whole collection's, from 2 or more"
                    + " sources), subjects first seen in the week (none in a store's first 28 days), stage changes of the week, and the known threats (held by a record"
                    + " on the day). Every line has its reason in plain words, evidence count, sources, first day,"
                    + " stage, priority and score where scored. asOf defaults to the last day with stored items;"
                    + " with the demo, while nothing newer is stored, to the demo's day with the most open early"
                    + " warnings the record later confirmed (dayChosen says which). Machine-derived: scores, stages"
                    + " and words come from the model and methodology versions given.")
    Mono<WeeklyBriefings.BriefingView> briefing(
            @AuthenticationPrincipal User user,
            @Parameter(description = "The day of the picture, e.g. 2021-02-16 (UTC)")
                    @RequestParam(name = "asOf", required = false)
                    @Nullable
                    String asOf) {
        LocalDate asked = briefings.parse(asOf);
        return store.call(() -> briefings.view(asked, user.clearance()));
    }
}
