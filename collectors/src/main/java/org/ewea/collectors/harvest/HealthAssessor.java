package org.ewea.collectors.harvest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Assesses a source's health from its state and its runs of the last 28 days. A source is SILENT when it has gone
 * {@code silentFactor} times its usual interval between new items without any (the usual interval is the median gap
 * between runs that stored new items, known after three such runs).
 */
public final class HealthAssessor {

    public static final Duration BASELINE = Duration.ofDays(28);

    private final HarvestRunRepository runs;
    private final SourceStateRepository states;
    private final InstantSource clock;
    private final double silentFactor;

    public HealthAssessor(
            HarvestRunRepository runs, SourceStateRepository states, InstantSource clock, double silentFactor) {
        this.runs = runs;
        this.states = states;
        this.clock = clock;
        this.silentFactor = silentFactor;
    }

    public SourceHealth assess(String sourceId) {
        SourceState state = states.find(sourceId);
        Instant now = clock.instant();
        Optional<Instant> unfinished = states.unfinished(sourceId);
        if (unfinished.isPresent()) {
            return new SourceHealth(
                    sourceId,
                    SourceHealth.Status.UNFINISHED,
                    state.lastRun(),
                    state.lastOutcome(),
                    state.lastSuccess(),
                    state.lastNewItems(),
                    state.failureStreak(),
                    0,
                    null,
                    null,
                    "a harvest started " + unfinished.get() + " and has not recorded its end: it is running now, or"
                            + " the process stopped during it (the items it stored are kept; the next run goes on)"
                            + (state.lastRun() == null
                                    ? ""
                                    : "; the last recorded run ended " + state.lastRun() + " (" + state.lastOutcome()
                                            + ")"));
        }
        if (state.lastRun() == null) {
            return new SourceHealth(
                    sourceId,
                    SourceHealth.Status.NEVER_RUN,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    null,
                    null,
                    "never harvested");
        }
        List<HarvestRun> recent = runs.since(sourceId, now.minus(BASELINE));
        long stored = recent.stream().mapToLong(HarvestRun::stored).sum();
        Duration window =
                recent.isEmpty() ? BASELINE : Duration.between(recent.getFirst().started(), now);
        double days = Math.max(1.0, window.toMinutes() / 1440.0);
        double itemsPerDay = stored / days;
        Duration usual = usualInterval(recent);
        Duration silentFor = state.lastNewItems() == null ? null : Duration.between(state.lastNewItems(), now);
        boolean silent = usual != null && silentFor != null && silentFor.toSeconds() > silentFactor * usual.toSeconds();
        SourceHealth.Status status;
        String explanation;
        if (state.lastOutcome() == HarvestOutcome.FAILED) {
            status = SourceHealth.Status.FAILING;
            explanation = state.failureStreak() + " failed run(s) in a row";
        } else if (silent) {
            status = SourceHealth.Status.SILENT;
            explanation = String.format(
                    Locale.ROOT,
                    "no new items for %s, %.1f times its usual interval of %s",
                    silentFor,
                    (double) silentFor.toSeconds() / usual.toSeconds(),
                    usual);
        } else {
            status = SourceHealth.Status.HEALTHY;
            explanation =
                    String.format(Locale.ROOT, "last run %s; %.1f new items per day", state.lastOutcome(), itemsPerDay);
        }
        return new SourceHealth(
                sourceId,
                status,
                state.lastRun(),
                state.lastOutcome(),
                state.lastSuccess(),
                state.lastNewItems(),
                state.failureStreak(),
                itemsPerDay,
                usual,
                silent ? silentFor : null,
                explanation);
    }

    private static Duration usualInterval(List<HarvestRun> recent) {
        List<Instant> news = recent.stream()
                .filter(r -> r.outcome() == HarvestOutcome.NEW_ITEMS)
                .map(HarvestRun::finished)
                .toList();
        if (news.size() < 3) {
            return null;
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < news.size(); i++) {
            gaps.add(Duration.between(news.get(i - 1), news.get(i)).toSeconds());
        }
        gaps.sort(Long::compare);
        long median = gaps.get(gaps.size() / 2);
        return median <= 0 ? null : Duration.ofSeconds(median);
    }
}
