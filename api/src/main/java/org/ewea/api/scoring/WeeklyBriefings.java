package org.ewea.api.scoring;

import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Optional;
import org.ewea.alerts.lead.Briefing;
import org.ewea.alerts.lead.BriefingBuilder;
import org.ewea.api.demo.DemoRecording;
import org.ewea.methodology.Clearance;
import org.ewea.scoring.signal.SignalRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The briefing a reader sees, on the day asked or on the day chosen for them: the demo's day with the most open early
 * warnings the record later confirmed while the store holds nothing newer than the demo, else the last day with
 * stored items (or today). Shared by the API and the dashboard. Blocks.
 */
@Component
public class WeeklyBriefings {

    /**
     * The briefing with the way its day was chosen.
     *
     * @param dayChosen how {@code asOf} was chosen: {@code asked}, {@code demo} (the demo's day with the most open
     *     early warnings the record later confirmed, while the store holds nothing newer than the demo), or
     *     {@code last-day} (the last day with stored items, or today)
     * @param machineDerived scores, stages and the words built from them are computed by the service (model and
     *     methodology versions given), not reviewed by an analyst unless an alert's assessment says so
     */
    public record BriefingView(Briefing briefing, String dayChosen, boolean machineDerived) {}

    private final BriefingBuilder briefings;
    private final SignalRepository signals;
    private final DemoRecording demo;
    private final InstantSource clock;

    WeeklyBriefings(BriefingBuilder briefings, SignalRepository signals, DemoRecording demo, InstantSource clock) {
        this.briefings = briefings;
        this.signals = signals;
        this.demo = demo;
        this.clock = clock;
    }

    /**
     * A day and how it was chosen.
     *
     * @param day the day
     * @param how {@code asked}, {@code demo} or {@code last-day}, as {@link BriefingView#dayChosen()}
     */
    public record ChosenDay(LocalDate day, String how) {}

    /** The briefing of {@code asked}, or of the day chosen for the reader when null. */
    public BriefingView view(@Nullable LocalDate asked, Clearance reader) {
        ChosenDay day = day(asked, reader);
        return new BriefingView(briefings.build(day.day(), reader), day.how(), true);
    }

    /**
     * The day asked, else the day chosen for the reader: the demo's day with the most open early warnings the record
     * later confirmed while the store holds nothing newer than the demo, else the last day with stored items (or
     * today). The scores and the dashboard open on the same day.
     */
    public ChosenDay day(@Nullable LocalDate asked, Clearance reader) {
        if (asked != null) {
            return new ChosenDay(asked, "asked");
        }
        LocalDate last = AsOfDay.resolve(null, signals.readBy(reader), clock);
        Optional<LocalDate> demoDay = demo.span()
                .filter(span -> !last.isAfter(span.get(1)))
                .flatMap(span -> briefings.dayWithMostConfirmedWarnings(span.getFirst(), span.get(1), reader));
        return demoDay.map(day -> new ChosenDay(day, "demo")).orElseGet(() -> new ChosenDay(last, "last-day"));
    }

    /** Checks an {@code asOf} parameter on the request thread (ISO date, not in the future); null when absent. */
    public @Nullable LocalDate parse(@Nullable String asOf) {
        return AsOfDay.parse(asOf, clock);
    }
}
