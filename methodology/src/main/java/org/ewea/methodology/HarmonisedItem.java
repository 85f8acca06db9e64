package org.ewea.methodology;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One piece of harvested content in the single shape every collector produces, whatever it came from (an RSS entry, a
 * web page, a post in a recorded dark-web mirror). Later stages (tagging, scoring, alerting) read only this.
 *
 * @param id stable id derived from the canonical URL, or from source and content hash where there is no URL
 * @param sourceId the catalogue source it was collected from
 * @param canonicalUrl the item's URL with tracking parameters and fragments removed; null for content without a URL
 * @param title the title as plain text (may be empty, never null)
 * @param text the body as plain text, markup removed
 * @param language BCP 47 language tag (e.g. {@code en}), or null when not known
 * @param published when the publisher says it was published; null when the source gave no usable date
 * @param captured when EW/EA captured it (for replays: the recorded capture time)
 * @param grading the Admiralty grade of the source for this item
 * @param tlp the TLP marking, at least as restrictive as the source's
 * @param handling the handling code, at least as restrictive as the source's ({@link Handling#NONE} for none)
 * @param contentHash lower-case hex SHA-256 of the normalised title and text: equal content, equal hash
 * @param provenance the raw capture this item was extracted from
 */
public record HarmonisedItem(
        ItemId id,
        SourceId sourceId,
        @Nullable String canonicalUrl,
        String title,
        String text,
        @Nullable String language,
        @Nullable Instant published,
        Instant captured,
        AdmiraltyGrade grading,
        Tlp tlp,
        Handling handling,
        String contentHash,
        Provenance provenance) {

    public HarmonisedItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(captured, "captured");
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(provenance, "provenance");
        if (title.isBlank() && text.isBlank()) {
            throw new IllegalArgumentException("an item needs a title or a text");
        }
    }

    /** The time the item is ordered by: published when known, otherwise captured. */
    public Instant effectiveTime() {
        return published != null ? published : captured;
    }
}
