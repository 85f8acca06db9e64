package org.ewea.collectors.accounting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one import of a recording did. Records are the entries inside captures; {@code stored + merged + rejected ==
 * input} always holds. Captures that could not be read or parsed at all are counted apart, with their reasons.
 *
 * @param recordingId the recording's id
 * @param digest the recording's digest
 * @param status IMPORTED, or ALREADY_IMPORTED when this exact recording had been imported completely before
 * @param captures captures in the recording
 * @param capturesRejected captures that could not be read or parsed (listed in {@code rejections})
 * @param input records found in the readable captures
 * @param stored records stored as new items
 * @param merged records that were an item already stored (or a repeat within the import)
 * @param rejected records rejected, with their reasons in {@code rejectionsByReason}
 * @param rejectionsByReason count per reason, for records and captures alike
 * @param rejections the first rejections with their locators (at most {@link #MAX_LISTED})
 * @param started when the import started
 * @param finished when it finished
 */
public record ImportReport(
        String recordingId,
        String digest,
        Status status,
        int captures,
        int capturesRejected,
        long input,
        long stored,
        long merged,
        long rejected,
        Map<String, Long> rejectionsByReason,
        List<Rejection> rejections,
        Instant started,
        Instant finished) {

    public static final int MAX_LISTED = 50;

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED
    }

    public ImportReport {
        if (stored + merged + rejected != input) {
            throw new IllegalStateException("import accounting does not add up: stored " + stored + " + merged "
                    + merged + " + rejected " + rejected + " != input " + input);
        }
        rejectionsByReason = Map.copyOf(rejectionsByReason);
        rejections = List.copyOf(rejections);
    }
}
