package org.ewea.collectors.enrich;

import org.ewea.methodology.HarmonisedItem;
import org.jspecify.annotations.Nullable;

/**
 * An item with what enrichment found in it; as stored, also its story and revisions.
 *
 * @param item the item
 * @param annotations tags and entities
 * @param story the id of the first item of its story (near-duplicates share one), or null before it is stored
 * @param revisions how often the item was updated because its article was edited
 */
public record AnnotatedItem(HarmonisedItem item, ItemAnnotations annotations, @Nullable String story,
        int revisions) {

    public AnnotatedItem(HarmonisedItem item, ItemAnnotations annotations) {
        this(item, annotations, null, 0);
    }

    public static AnnotatedItem plain(HarmonisedItem item) {
        return new AnnotatedItem(item, ItemAnnotations.NONE);
    }
}
