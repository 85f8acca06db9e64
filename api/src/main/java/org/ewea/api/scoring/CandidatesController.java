package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ewea.api.items.ItemView;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.api.web.ProblemType;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.Candidate;
import org.ewea.scoring.terms.CandidateDecisions;
import org.ewea.scoring.terms.CandidateFinder;
import org.ewea.scoring.terms.TrackedTerms;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Novel terms that appeared suddenly, for analysts to accept or reject. */
@RestController
@Tag(name = "Candidates", description = "Novel terms: possible new actors, tools and services")
class CandidatesController {

    static final int MAX_SIZE = 100;
    static final int EVIDENCE = 3;
    static final int MAX_NOTE = 2000;
    /** Items read to build an accepted term's series from its history. */
    static final int MAX_HISTORY = 100_000;

    /**
     * A candidate with its newest evidence items.
     *
     * @param provenance machine-derived by the novel-term rule under the methodology in force; reviewed once an analyst
     *     accepted or rejected it
     */
    record CandidateView(Candidate candidate, List<ItemView> evidence, Provenance provenance) {}

    /**
     * What made a candidate, in the terms of MISP's {@code ai-computer-assisted} taxonomy.
     *
     * @param assistanceLevel always {@code ai-generated}: the rule found it, nobody proposed it
     * @param reviewLevel {@code unreviewed} until an analyst decided, then {@code human-reviewed}
     * @param method the rule and the methodology version it ran under
     */
    record Provenance(String assistanceLevel, String reviewLevel, String method) {}

    /** One page of candidates on a day. */
    record CandidatesPage(List<CandidateView> items, int page, int size, long total, LocalDate asOf) {}

    /** An analyst's decision. */
    record DecisionRequest(
            @Schema(description = "accept only: the taxonomy entry the term belongs to", example = "ransomware")
            @Nullable
            String technology,

            @Schema(description = "why", example = "new RaaS brand, seen on two leak sites") @Nullable
            String note) {}

    /** What a decision did, and for an accepted term the taxonomy lines that add it to the lexicon. */
    record DecisionView(
            String id,
            CandidateDecisions.Decision decision,
            @Nullable String taxonomySnippet) {}

    private final CandidateFinder finder;
    private final CandidateDecisions decisions;
    private final TrackedTerms tracked;
    private final SignalRepository signals;
    private final ItemRepository items;
    private final Methodology methodology;
    private final BlockingStore store;
    private final InstantSource clock;

    CandidatesController(
            CandidateFinder finder,
            CandidateDecisions decisions,
            TrackedTerms tracked,
            SignalRepository signals,
            ItemRepository items,
            Methodology methodology,
            BlockingStore store,
            InstantSource clock) {
        this.finder = finder;
        this.decisions = decisions;
        this.tracked = tracked;
        this.signals = signals;
        this.items = items;
        this.methodology = methodology;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/candidates", produces = "application/json")
    @Operation(
            summary = "Novel terms that appeared suddenly, strongest first",
            description = "Name-like terms the lexicon does not know, first seen in the 28 days up to asOf (and at"
                    + " least 28 days after the store's first item), mentioned by at least 3 items from at least 2"
                    + " sources there, or by at least 2 items of which one comes from a dark-web source"
                    + " (darkWebSourceIds names them), or by one dark-web item in which it speaks for itself"
                    + " (selfNamed); ranked by sources x ln(1 + items); each with its first day, counts, sources,"
                    + " status (NEW, ACCEPTED; REJECTED ones only with includeRejected=true) and the newest evidence"
                    + " items the caller is cleared for. asOf defaults as for scores.")
    Mono<CandidatesPage> list(
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
            @Parameter(description = "The day to look from (UTC)")
                    @RequestParam(name = "asOf", required = false)
                    @Nullable
                    String asOf,
            @Parameter(description = "List rejected terms too")
                    @RequestParam(name = "includeRejected", defaultValue = "false")
                    boolean includeRejected) {
        LocalDate asked = AsOfDay.parse(asOf, clock);
        return store.call(() -> {
            // the reader's candidates: counts, sources and first days from the items they may read only
            LocalDate day = AsOfDay.resolve(asked, signals.readBy(user.clearance()), clock);
            PageResponse<Candidate> found =
                    PageResponse.of(finder.readBy(user.clearance()).find(day, includeRejected), page, size);
            List<CandidateView> views = new ArrayList<>();
            Instant to = day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant from = day.minusDays(CandidateFinder.WINDOW_DAYS - 1)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
            for (Candidate c : found.items()) {
                views.add(new CandidateView(
                        c,
                        items.containing(c.label(), from, to, EVIDENCE, user.clearance()).stream()
                                .map(ItemView::of)
                                .toList(),
                        new Provenance(
                                "ai-generated",
                                c.decision() == null ? "unreviewed" : "human-reviewed",
                                "novel-term rule (docs/methodology.md 4b), methodology " + methodology.versionId())));
            }
            return new CandidatesPage(views, page, size, found.total(), day);
        });
    }

    @PostMapping(path = "/api/v1/candidates/{id}/accept", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Accept a candidate (ANALYST, ADMIN)",
            description = "Records the decision (who, when, the taxonomy entry it belongs to, why), tracks the term"
                    + " as a series of its own (term:<id>, built from every item that mentioned it, then kept up to"
                    + " date and scored in /api/v1/scores as kind term), and answers the"
                    + " lines that add the term to that entry's labels in a taxonomy override file"
                    + " (EWEA_METHODOLOGY_DIR): the lexicon changes by editing the method's files, reviewed like"
                    + " every other change. 400 for an unknown technology, 404 for a term never seen.")
    Mono<DecisionView> accept(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @RequestBody(required = false) @Nullable DecisionRequest request) {
        DecisionRequest r = request != null ? request : new DecisionRequest(null, null);
        if (r.technology() != null
                && methodology.taxonomy().find(r.technology()).isEmpty()) {
            throw ApiProblem.invalidField("technology", "there is no taxonomy entry '" + r.technology() + "'");
        }
        return decide(user, id, "ACCEPTED", r);
    }

    @PostMapping(path = "/api/v1/candidates/{id}/reject", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Reject a candidate (ANALYST, ADMIN): it is no longer listed unless includeRejected")
    Mono<DecisionView> reject(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @RequestBody(required = false) @Nullable DecisionRequest request) {
        DecisionRequest r = request != null ? request : new DecisionRequest(null, null);
        return decide(user, id, "REJECTED", new DecisionRequest(null, r.note()));
    }

    private Mono<DecisionView> decide(User user, String id, String status, DecisionRequest r) {
        if (r.note() != null && r.note().length() > MAX_NOTE) {
            throw ApiProblem.invalidField("note", "at most " + MAX_NOTE + " characters");
        }
        String term = id.toLowerCase(Locale.ROOT);
        return store.call(() -> {
            // a term only restricted items mention is not found for who may not read them (no yes/no oracle)
            if (!finder.readBy(user.clearance()).known(term)) {
                throw new ApiProblem(ProblemType.NOT_FOUND, "No item ever mentioned a term '" + id + "'.");
            }
            CandidateDecisions.Decision decision =
                    new CandidateDecisions.Decision(status, user.username(), clock.instant(), r.technology(), r.note());
            boolean wasAccepted = decisions
                    .find(term)
                    .filter(d -> d.status().equals("ACCEPTED"))
                    .isPresent();
            decisions.decide(term, decision);
            tracked.reload();
            String label = finder.readBy(user.clearance()).label(term);
            if (status.equals("ACCEPTED") && !wasAccepted) {
                // the term's own series, from every item that ever mentioned it; scored from now on
                String series = TrackedTerms.series(term);
                signals.clearSeries(series);
                signals.recordInto(
                        series,
                        items.containing(
                                label,
                                Instant.EPOCH,
                                clock.instant().plus(Duration.ofDays(1)),
                                MAX_HISTORY,
                                Clearance.FULL));
            }
            String snippet = status.equals("ACCEPTED")
                    ? r.technology() != null
                            ? "technologies:\n  - id: " + r.technology() + "\n    labels:\n      en: [" + label + "]\n"
                            : "technologies:\n  - id: "
                                    + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                                    + "\n    broader: <category>\n    labels: {en: [" + label + "]}\n"
                                    + "    description: <what it is>\n    crimeAreas: [<area>]\n"
                    : null;
            return new DecisionView(term, decision, snippet);
        });
    }
}
