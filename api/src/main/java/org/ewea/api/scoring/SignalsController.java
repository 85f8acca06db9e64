package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.api.web.RequestValues;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.signal.SignalAnalysis;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalReading;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A technology's signal over time. */
@RestController
@Tag(name = "Signals", description = "Mentions of each technology over time")
class SignalsController {

    static final int MAX_DAYS = 731;
    /** Accepted novel terms have series too ({@code term:<id>}, see TrackedTerms). */
    static final String TERM = "term";

    static final Pattern TERM_FORM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{1,29}");

    /** The series asked for. */
    record SignalSeries(
            String series,
            String interval,
            LocalDate from,
            LocalDate to,
            @Nullable LocalDate firstSeen,
            List<SignalReading> points) {}

    private final SignalRepository signals;
    private final SignalAnalysis analysis;
    private final Methodology methodology;
    private final BlockingStore store;
    private final InstantSource clock;

    SignalsController(
            SignalRepository signals,
            SignalAnalysis analysis,
            Methodology methodology,
            BlockingStore store,
            InstantSource clock) {
        this.signals = signals;
        this.analysis = analysis;
        this.methodology = methodology;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/technologies/{id}/signals", produces = "application/json")
    @Operation(
            summary = "A technology's signal: mentions, grade-weighted volume, sources, growth and bursts",
            description = "Daily or weekly (whole weeks from Monday: from moves back to its Monday; a week counts"
                    + " its distinct sources over all its days) between from and to inclusive (ISO dates, UTC;"
                    + " default the last 90 days, at most 731 days). Each point also gives the items stored in the"
                    + " interval, the mean count over the four weeks before it (baseline), count over baseline"
                    + " (growth) and whether"
                    + " the interval is in a burst (Kleinberg's two-state automaton, s=2, gamma=1, run over the"
                    + " series from four weeks before from).")
    Mono<SignalSeries> signals(
            @AuthenticationPrincipal User user,
            @PathVariable("id") String id,
            @Parameter(description = "first day, e.g. 2026-01-01")
                    @RequestParam(name = "from", required = false)
                    @Nullable
                    String from,
            @Parameter(description = "last day") @RequestParam(name = "to", required = false) @Nullable String to,
            @Parameter(description = "day or week") @RequestParam(name = "interval", defaultValue = "day")
                    String interval) {
        if (methodology.taxonomy().find(id).isEmpty()) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "There is no technology '" + id + "'.");
        }
        Range range = range(from, to, interval);
        SignalRepository seen = signals.readBy(user.clearance());
        return store.call(() -> read(seen, id, seen.firstSeen(id).orElse(null), range));
    }

    @GetMapping(path = "/api/v1/entities/{type}/{value}/signals", produces = "application/json")
    @Operation(
            summary = "A tracked entity's signal (CVE, ATT&CK group or software), read as a technology's is",
            description = "type is cve (value CVE-2024-3400), attack-group (G0010), attack-software (S0154) or"
                    + " term (an accepted novel term, by its candidate id);"
                    + " 404 if the entity was never mentioned. Parameters and points as for technologies.")
    Mono<SignalSeries> entitySignals(
            @AuthenticationPrincipal User user,
            @PathVariable("type") String type,
            @PathVariable("value") String value,
            @Parameter(description = "first day, e.g. 2026-01-01")
                    @RequestParam(name = "from", required = false)
                    @Nullable
                    String from,
            @Parameter(description = "last day") @RequestParam(name = "to", required = false) @Nullable String to,
            @Parameter(description = "day or week") @RequestParam(name = "interval", defaultValue = "day")
                    String interval) {
        boolean term = type.equals(TERM);
        Pattern form = term ? TERM_FORM : SignalRepository.TRACKED_ENTITIES.get(type);
        if (form == null) {
            TreeSet<String> types = new TreeSet<>(SignalRepository.TRACKED_ENTITIES.keySet());
            types.add(TERM);
            throw ApiProblem.invalidParameter("type", type, "must be one of " + types);
        }
        String normalised = term ? value.toLowerCase(Locale.ROOT) : value.toUpperCase(Locale.ROOT);
        if (!form.matcher(normalised).matches()) {
            throw ApiProblem.invalidParameter("value", value, "is not a " + type + " id (" + form + ")");
        }
        Range range = range(from, to, interval);
        String series = term ? TrackedTerms.series(normalised) : SignalRepository.entitySeries(type, normalised);
        SignalRepository seen = signals.readBy(user.clearance());
        return store.call(() -> {
            // an entity only restricted items mention is not found for who may not read them
            LocalDate firstSeen = seen.firstSeen(series)
                    .orElseThrow(() ->
                            new ApiProblem(ProblemType.NOT_FOUND, "No item mentions " + type + " " + normalised + "."));
            return read(seen, series, firstSeen, range);
        });
    }

    /** The days asked for, the first moved back to its Monday for weeks, and the baseline lead before it. */
    private record Range(LocalDate start, LocalDate last, boolean weeks) {
        LocalDate lead() {
            return start.minusDays(SignalAnalysis.BASELINE_DAYS);
        }
    }

    private Range range(@Nullable String from, @Nullable String to, String interval) {
        if (!interval.equals("day") && !interval.equals("week")) {
            throw ApiProblem.invalidParameter("interval", interval, "must be day or week");
        }
        LocalDate last = to == null
                ? clock.instant().atZone(ZoneOffset.UTC).toLocalDate()
                : RequestValues.dayParameter("to", to);
        LocalDate first = from == null ? last.minusDays(89) : RequestValues.dayParameter("from", from);
        if (first.isAfter(last)) {
            throw ApiProblem.invalidParameter("from", from, "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiProblem.invalidParameter("from", from, "the range must be at most " + MAX_DAYS + " days");
        }
        boolean weeks = interval.equals("week");
        return new Range(weeks ? first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : first, last, weeks);
    }

    private SignalSeries read(SignalRepository signals, String series, @Nullable LocalDate firstSeen, Range range) {
        List<SignalPoint> mentions = signals.daily(series, range.lead(), range.last());
        List<SignalPoint> all = signals.daily(SignalRepository.ALL_ITEMS, range.lead(), range.last());
        List<SignalReading> readings = range.weeks()
                ? analysis.read(analysis.weekly(mentions), analysis.weekly(all), SignalAnalysis.BASELINE_DAYS / 7)
                : analysis.read(mentions, all, SignalAnalysis.BASELINE_DAYS);
        return new SignalSeries(
                series,
                range.weeks() ? "week" : "day",
                range.start(),
                range.last(),
                firstSeen,
                readings.stream().filter(r -> !r.day().isBefore(range.start())).toList());
    }
}
