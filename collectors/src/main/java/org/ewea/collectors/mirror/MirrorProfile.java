package org.ewea.collectors.mirror;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How to read one kind of recorded mirror.
 *
 * @param id profile id, named by sources
 * @param description what it reads
 * @param format the reader: {@code json-transcript} (one JSON document per file with an array of records)
 * @param files glob of the files to read, relative to the mirror folder (e.g. {@code * /*.json} without the space)
 * @param records the field of the JSON document holding the records
 * @param record how each record is rendered into the item's text; {@code {field}} is a field of the record
 * @param title the item's title; {@code {dir}} is the file's folder, {@code {file}} its name without extension,
 *     {@code {field}} a top-level field of the document
 * @param fileNameDate a pattern on the file name (without extension) with groups year, month and day, or null
 * @param undated how files without a date are placed: {@code earliest-in-directory} (at the earliest date of their
 *     folder, else of the mirror) or {@code exclude} (rejected with a reason)
 * @param html for the {@code html} format: the CSS selectors, else null
 */
public record MirrorProfile(
        String id,
        String description,
        String format,
        String files,
        @Nullable String records,
        @Nullable String record,
        @Nullable String title,
        @Nullable Pattern fileNameDate,
        String undated,
        @Nullable HtmlSelectors html) {

    /**
     * Where things are on an HTML page (jsoup CSS selectors; {@code selector@attribute} takes an attribute).
     *
     * @param item each entry on a page (a post in a thread, a listing on a market page, an article in a list)
     * @param title the entry's title, inside the item
     * @param link the entry's link, inside the item (relative links are resolved against the page)
     * @param date the entry's date, inside the item: ISO-8601, RFC 1123 or yyyy-MM-dd (else unknown)
     * @param body the entry's text, inside the item
     * @param next the next page's link (web sources), or null
     * @param maxPages pages followed at most per harvest (web sources)
     * @param detail selectors on each entry's own page, followed from its link (depth 1), or null to read entries
     *     from the list pages only
     * @param maxDetails entry pages fetched at most per harvest (web sources)
     */
    public record HtmlSelectors(
            String item,
            @Nullable String title,
            @Nullable String link,
            @Nullable String date,
            @Nullable String body,
            @Nullable String next,
            int maxPages,
            @Nullable DetailSelectors detail,
            int maxDetails) {}

    /**
     * Where things are on an entry's own page.
     *
     * @param title its title (else the list page's)
     * @param date its date (else the list page's)
     * @param body its text
     */
    public record DetailSelectors(
            @Nullable String title, @Nullable String date, String body) {}
}
