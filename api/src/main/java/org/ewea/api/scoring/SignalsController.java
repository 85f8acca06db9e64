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
import org.ewea.scoring.signal.SignalPoint;
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
    record SignalSeries(String technology, String interval, LocalDate from, LocalDate to, List<SignalPoint> points) {
    }

    private final SignalRepository signals;
    private final Methodology methodology;
    private final BlockingStore store;
    private final InstantSource clock;

    SignalsController(SignalRepository signals, Methodology methodology, BlockingStore store, InstantSource clock) {
        this.signals = signals;
        this.methodology = methodology;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/technologies/{id}/signals", produces = "application/json")
    @Operation(summary = "A technology's signal: mentions, grade-weighted volume and distinct sources",
            description = "Daily or weekly (weeks from Monday; a week's sources are the most of any day) between"
                    + " from and to inclusive (ISO dates, UTC; default the last 90 days, at most 731 days).")
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
        return store.call(() -> {
            List<SignalPoint> daily = signals.daily(id, first, last);
            return new SignalSeries(id, interval, first, last, interval.equals("day") ? daily : weekly(daily));
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
