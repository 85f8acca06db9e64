package org.ewea.collectors.harvest;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How a source is doing.
 *
 * @param sourceId the source
 * @param status NEVER_RUN, UNFINISHED (a harvest started and never recorded its end), HEALTHY, FAILING (the last run
 *     failed) or SILENT (no new items for much longer than usual)
 * @param lastRun when it last ran
 * @param lastOutcome how that ended
 * @param lastSuccess when a run last succeeded
 * @param lastNewItems when new items were last stored
 * @param failureStreak failed runs in a row
 * @param itemsPerDay new items per day over the baseline window (28 days)
 * @param usualInterval median time between runs that stored new items, if known
 * @param silentFor how long since new items, when SILENT
 * @param explanation the status in words
 */
public record SourceHealth(
        String sourceId,
        Status status,
        @Nullable Instant lastRun,
        @Nullable HarvestOutcome lastOutcome,
        @Nullable Instant lastSuccess,
        @Nullable Instant lastNewItems,
        int failureStreak,
        double itemsPerDay,
        @Nullable Duration usualInterval,
        @Nullable Duration silentFor,
        String explanation) {

    /**
     * NEVER_RUN: no harvest ever started; UNFINISHED: a harvest started and never recorded its end (it is running
     * now, or the process stopped during it); HEALTHY, FAILING, SILENT: as the last recorded run says.
     */
    public enum Status {
        NEVER_RUN,
        UNFINISHED,
        HEALTHY,
        FAILING,
        SILENT
    }
}
