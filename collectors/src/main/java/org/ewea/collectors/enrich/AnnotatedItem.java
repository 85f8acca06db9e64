package org.ewea.collectors.enrich;

import org.ewea.methodology.HarmonisedItem;

/** An item with what enrichment found in it. */
public record AnnotatedItem(HarmonisedItem item, ItemAnnotations annotations) {

    public static AnnotatedItem plain(HarmonisedItem item) {
        return new AnnotatedItem(item, ItemAnnotations.NONE);
    }
}
