package org.ewea.collectors.capture;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What processing one capture did. For a capture that parsed, {@code stored + merged + rejected == entries}.
 *
 * @param parseError why the capture could not be parsed at all, or null
 * @param entries entries found
 * @param stored entries stored as new items
 * @param merged entries that were items already
 * @param rejectedEntries the entries rejected, with reason and place
 */
public record CaptureResult(
        @Nullable String parseError, long entries, long stored, long merged, List<RejectedEntry> rejectedEntries) {

    /** An entry that was not stored: why, and where it is. */
    public record RejectedEntry(String reason, String locator) {}

    public CaptureResult {
        rejectedEntries = List.copyOf(rejectedEntries);
    }

    public long rejected() {
        return rejectedEntries.size();
    }

    public Map<String, Integer> rejectedByReason() {
        Map<String, Integer> counts = new TreeMap<>();
        rejectedEntries.forEach(r -> counts.merge(r.reason(), 1, Integer::sum));
        return counts;
    }

    public static CaptureResult unparseable(String error) {
        return new CaptureResult(error, 0, 0, 0, List.of());
    }
}
