package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ewea.alerts.lead.EarlyWarningScores;
import org.ewea.api.items.ItemView;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.PageResponse;
import org.ewea.methodology.Clearance;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.ScoreEvidence;
import org.ewea.scoring.warning.WarningModelFile;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ranked early-warning scores of technologies and tracked entities, each explained. */
@RestController
@Tag(name = "Scores", description = "Early-warning scores, stages and priorities, with their explanation")
class ScoresController {

    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 10_000;
    static final int EVIDENCE = 3;
    private static final Set<String> KINDS = Set.of("technology", "cve", "attack-group", "attack-software", "term");

    /**
     * One page of scores.
     *
     * @param asOf the day scored
     * @param dayChosen how {@code asOf} was chosen: {@code asked}, {@code demo} (the day the dashboard opens on with
     *     the demo data) or {@code last-day}
     * @param model the model file the series are scored with (warned names are scored with their rule's measured
     *     rate: each score names its own version)
     */
    record ScoresPage(
            List<ScoreView> items, int page, int size, long total, LocalDate asOf, String dayChosen, String model) {}

    /** A score with its newest evidence items. */
    record ScoreView(int rank, EarlyWarningScore score, List<ItemView> evidence) {}

    private final EarlyWarningScores scores;
    private final WeeklyBriefings days;
    private final SignalRepository signals;
    private final ScoreEvidence evidence;
    private final BlockingStore store;
    private final InstantSource clock;

    ScoresController(
            EarlyWarningScores scores,
            WeeklyBriefings days,
            SignalRepository signals,
            ScoreEvidence evidence,
            BlockingStore store,
            InstantSource clock) {
        this.scores = scores;
        this.days = days;
        this.signals = signals;
        this.evidence = evidence;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/scores", produces = "application/json")
    @Operation(
            summary = "Ranked early-warning scores",
            description = "Every technology and tracked entity (CVE, ATT&CK group or software, accepted term)"
                    + " mentioned in the 28 days up to asOf, and every name the novel-name rule warned of in the 182"
                    + " days up to asOf that no analyst dismissed (kind term: scored with the rate at which its part of"
                    + " the rule was right where it was measured, docs/evaluation.md section 2, never with the CVE"
                    + " model; a known threat once MITRE ATT&CK lists it), ranked by score (the calibrated probability of becoming an authoritative"
                    + " threat within the model's horizon), then by risk. Each carries its stage (stages.yaml rules,"
                    + " with the rule that moved it), its priority (risk-matrix.yaml), the explanation (the model's"
                    + " largest feature terms on the log-odds scale, in numbers and words; the likelihood and risk"
                    + " rationale), the evidence count and the newest evidence items, and the methodology and model"
                    + " versions. asOf defaults to the day the dashboard opens on (dayChosen says which): while the store"
                    + " holds nothing newer than the demo, the demo's day with the most open early warnings the record"
                    + " later confirmed; else today, or the last day with stored items when that is earlier (a"
                    + " replay or an install that stopped collecting shows its last picture)."
                    + " A subject reported by an authoritative source (EWEA_SCORING_AUTHORITATIVE_SOURCES, default"
                    + " cisa-kev) is a known threat: score 1 with authoritativeSince, the model's own reading in"
                    + " explanation.modelScore. Scores are computed on request from the signal series. Evidence items"
                    + " are those the caller is cleared for; counts and scores are computed over all items.")
    Mono<ScoresPage> scores(
            @AuthenticationPrincipal User user,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = "must be between 0 and " + MAX_PAGE)
                    @Max(value = MAX_PAGE, message = "must be between 0 and " + MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, 1 to " + MAX_SIZE)
                    @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
                    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
                    int size,
            @Parameter(
                            description = "Only this kind: technology, cve, attack-group, attack-software or term (an"
                                    + " accepted novel term)")
                    @RequestParam(name = "kind", required = false)
                    @Nullable
                    String kind,
            @Parameter(description = "The day to score, e.g. 2026-02-01 (UTC)")
                    @RequestParam(name = "asOf", required = false)
                    @Nullable
                    String asOf,
            @Parameter(
                            description = "include (default): every subject; exclude: only early warnings, subjects no"
                                    + " authoritative source has reported yet; only: just the known threats")
                    @RequestParam(name = "authoritative", defaultValue = "include")
                    String authoritative) {
        if (kind != null && !KINDS.contains(kind)) {
            throw ApiProblem.invalidParameter("kind", kind, "must be one of " + new TreeSet<>(KINDS));
        }
        if (!Set.of("include", "exclude", "only").contains(authoritative)) {
            throw ApiProblem.invalidParameter("authoritative", authoritative, "must be include, exclude or only");
        }
        LocalDate asked = AsOfDay.parse(asOf, clock);
        return store.call(() -> {
            // the reader's picture: scores, stages and counts from the items they may read only
            WeeklyBriefings.ChosenDay chosen = asked == null
                    ? days.day(null, user.clearance())
                    : new WeeklyBriefings.ChosenDay(
                            AsOfDay.resolve(asked, signals.readBy(user.clearance()), clock), "asked");
            LocalDate day = chosen.day();
            WarningModelFile model = scores.model();
            List<EarlyWarningScore> all = scores.score(day, user.clearance()).stream()
                    .filter(s -> kind == null || s.kind().equals(kind))
                    .filter(s -> switch (authoritative) {
                        case "exclude" -> s.authoritativeSince() == null;
                        case "only" -> s.authoritativeSince() != null;
                        default -> true;
                    })
                    .toList();
            PageResponse<EarlyWarningScore> found = PageResponse.of(all, page, size);
            List<ScoreView> views = new ArrayList<>();
            for (int i = 0; i < found.items().size(); i++) {
                EarlyWarningScore s = found.items().get(i);
                views.add(new ScoreView(page * size + i + 1, s, evidence(s, user.clearance())));
            }
            return new ScoresPage(views, page, size, found.total(), day, chosen.how(), model.id());
        });
    }

    private List<ItemView> evidence(EarlyWarningScore s, Clearance clearance) {
        return evidence.newest(s, EVIDENCE, clearance).stream()
                .map(ItemView::of)
                .toList();
    }
}
