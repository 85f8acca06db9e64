package org.ewea.api.scoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.signal.SignalAnalysis;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalReading;
import org.ewea.scoring.signal.SignalRepository;
import org.jspecify.annotations.Nullable;
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

    /** The series asked for. */
    record SignalSeries(String technology, String interval, LocalDate from, LocalDate to,
            List<SignalReading> points) {
    }

    private final SignalRepository signals;
    private final SignalAnalysis analysis;
    private final Methodology methodology;
    private final BlockingStore store;
    private final InstantSource clock;

    SignalsController(SignalRepository signals, SignalAnalysis analysis, Methodology methodology, BlockingStore store,
            InstantSource clock) {
        this.signals = signals;
        this.analysis = analysis;
        this.methodology = methodology;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/technologies/{id}/signals", produces = "application/json")
    @Operation(summary = "A technology's signal: mentions, grade-weighted volume, sources, growth and bursts",
            description = "Daily or weekly (whole weeks from Monday: from moves back to its Monday; a week's sources"
                    + " are the most of any day) between from and to inclusive (ISO dates, UTC; default the last 90"
                    + " days, at most 731 days). Each point also gives the items stored in the interval, the mean"
                    + " count over the four weeks before it (baseline), count over baseline (growth) and whether"
                    + " the interval is in a burst (Kleinberg's two-state automaton, s=2, gamma=1, run over the"
                    + " series from four weeks before from).")
    Mono<SignalSeries> signals(@PathVariable("id") String id,
            @Parameter(description = "first day, e.g. 2026-01-01") @RequestParam(name = "from", required = false)
            @Nullable String from,
            @Parameter(description = "last day") @RequestParam(name = "to", required = false) @Nullable String to,
            @Parameter(description = "day or week") @RequestParam(name = "interval", defaultValue = "day")
            String interval) {
        if (methodology.taxonomy().find(id).isEmpty()) {
            throw new ApiProblem(ProblemType.NOT_FOUND, "There is no technology '" + id + "'.");
        }
        if (!interval.equals("day") && !interval.equals("week")) {
            throw invalid("interval", interval, "must be day or week");
        }
        LocalDate last = to == null ? clock.instant().atZone(ZoneOffset.UTC).toLocalDate() : date("to", to);
        LocalDate first = from == null ? last.minusDays(89) : date("from", from);
        if (first.isAfter(last)) {
            throw invalid("from", from, "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw invalid("from", from, "the range must be at most " + MAX_DAYS + " days");
        }
        boolean weeks = interval.equals("week");
        LocalDate start = weeks ? first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : first;
        LocalDate lead = start.minusDays(SignalAnalysis.BASELINE_DAYS);
        return store.call(() -> {
            List<SignalPoint> mentions = signals.daily(id, lead, last);
            List<SignalPoint> all = signals.daily(SignalRepository.ALL_ITEMS, lead, last);
            List<SignalReading> readings = weeks
                    ? analysis.read(weekly(mentions), weekly(all), SignalAnalysis.BASELINE_DAYS / 7)
                    : analysis.read(mentions, all, SignalAnalysis.BASELINE_DAYS);
            return new SignalSeries(id, interval, start, last,
                    readings.stream().filter(r -> !r.day().isBefore(start)).toList());
        });
    }

    private static List<SignalPoint> weekly(List<SignalPoint> daily) {
        Map<LocalDate, SignalPoint> weeks = new LinkedHashMap<>();
        for (SignalPoint p : daily) {
            LocalDate monday = p.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.merge(monday, new SignalPoint(monday, p.count(), p.weighted(), p.sources()),
                    (a, b) -> new SignalPoint(monday, a.count() + b.count(), a.weighted() + b.weighted(),
                            Math.max(a.sources(), b.sources())));
        }
        return new ArrayList<>(weeks.values());
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "must be an ISO date such as 2026-01-31");
        }
    }

    private static ApiProblem invalid(String name, @Nullable String value, String message) {
        String text = name + "=" + value + ": " + message;
        return new ApiProblem(ProblemType.INVALID_PARAMETER, text + ".", List.of(new ApiProblem.FieldError(name, text)));
    }
}
