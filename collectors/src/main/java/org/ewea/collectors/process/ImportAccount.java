package org.ewea.collectors.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.accounting.Rejection;
import org.ewea.collectors.capture.CaptureResult;

/**
 * Running totals of one import or replay; becomes its {@link ImportReport}. Every record is counted as stored, merged
 * or rejected, and every unusable capture with its reason. Not thread-safe: one import, one account.
 */
public final class ImportAccount {

    private final int captures;
    private int capturesRejected;
    private long input;
    private long stored;
    private long merged;
    private long rejected;
    private final Map<String, Long> byReason = new TreeMap<>();
    private final List<Rejection> listed = new ArrayList<>();

    public ImportAccount(int captures) {
        this.captures = captures;
    }

    public void rejectCapture(String reason, String locator, String detail) {
        capturesRejected++;
        note(new Rejection(reason, locator, detail));
    }

    /** Adds what processing one capture did: an unparseable capture, or its records' accounting. */
    public void add(String locator, CaptureResult result) {
        if (result.parseError() != null) {
            rejectCapture("unparseable capture", locator, result.parseError());
            return;
        }
        input += result.entries();
        stored += result.stored();
        merged += result.merged();
        rejected += result.rejected();
        result.rejectedEntries().forEach(r -> note(new Rejection(r.reason(), r.locator(), r.reason())));
    }

    private void note(Rejection rejection) {
        byReason.merge(rejection.reason(), 1L, Long::sum);
        if (listed.size() < ImportReport.MAX_LISTED) {
            listed.add(rejection);
        }
    }

    public ImportReport report(
            String recordingId, String digest, ImportReport.Status status, Instant started, Instant finished) {
        return new ImportReport(
                recordingId,
                digest,
                status,
                captures,
                capturesRejected,
                input,
                stored,
                merged,
                rejected,
                byReason,
                listed,
                started,
                finished);
    }
}
