package org.ewea.collectors.source;

import java.util.List;

/**
 * What an OPML import did: every feed outline is either imported or skipped with a reason.
 *
 * @param feeds feed outlines found (outlines with an xmlUrl)
 * @param imported sources created
 * @param skipped outlines not imported, with the reason
 * @param importedIds ids of the sources created
 */
public record OpmlImportReport(int feeds, int imported, List<Skipped> skipped, List<String> importedIds) {

    /**
     * @param url the outline's xmlUrl
     * @param title its title
     * @param reason why it was not imported
     */
    public record Skipped(String url, String title, String reason) {}

    public OpmlImportReport {
        skipped = List.copyOf(skipped);
        importedIds = List.copyOf(importedIds);
    }
}
