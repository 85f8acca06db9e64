package org.ewea.collectors.harvest;

import java.time.Duration;
import java.time.Instant;
import org.ewea.collectors.fetch.FailureReason;
import org.jspecify.annotations.Nullable;

/**
 * One harvest run of one source. Records: {@code stored + merged + rejected == input}.
 *
 * @param id run id
 * @param sourceId the source
 * @param started when it started
 * @param finished when it finished
 * @param outcome what it came to
 * @param failure the failure reason, for FAILED
 * @param detail what happened, for people
 * @param httpStatus the last HTTP status, if any
 * @param attempts fetch attempts made
 * @param bytes size of the body captured
 * @param rawSha256 SHA-256 of the body captured, if any
 * @param input entries found
 * @param stored entries stored as new items
 * @param merged entries that were items already
 * @param rejected entries rejected (reasons in detail)
 */
public record HarvestRun(
        String id,
        String sourceId,
        Instant started,
        Instant finished,
        HarvestOutcome outcome,
        @Nullable FailureReason failure,
        String detail,
        @Nullable Integer httpStatus,
        int attempts,
        long bytes,
        @Nullable String rawSha256,
        long input,
        long stored,
        long merged,
        long rejected) {

    public HarvestRun {
        if (stored + merged + rejected != input) {
            throw new IllegalStateException("run accounting does not add up");
        }
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }
}
