package org.ewea.collectors.harvest;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the collectors remember between runs of a source.
 *
 * @param sourceId the source
 * @param etag ETag of the last successful fetch
 * @param lastModified Last-Modified of the last successful fetch
 * @param lastRun when it last ran
 * @param lastOutcome how that run ended
 * @param lastSuccess when a run last succeeded (any outcome but FAILED)
 * @param lastNewItems when a run last stored new items
 * @param failureStreak failed runs since the last success
 */
public record SourceState(
        String sourceId,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable Instant lastRun,
        @Nullable HarvestOutcome lastOutcome,
        @Nullable Instant lastSuccess,
        @Nullable Instant lastNewItems,
        int failureStreak) {

    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, null, null, null, null, null, null, 0);
    }

    /** The state after a run. */
    public SourceState after(HarvestRun run, @Nullable String newEtag, @Nullable String newLastModified) {
        boolean failed = run.outcome() == HarvestOutcome.FAILED;
        return new SourceState(
                sourceId,
                failed || newEtag == null ? etag : newEtag,
                failed || newLastModified == null ? lastModified : newLastModified,
                run.finished(),
                run.outcome(),
                failed ? lastSuccess : run.finished(),
                run.outcome() == HarvestOutcome.NEW_ITEMS ? run.finished() : lastNewItems,
                failed ? failureStreak + 1 : 0);
    }
}
