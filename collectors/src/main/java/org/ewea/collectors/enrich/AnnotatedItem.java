package org.ewea.collectors.enrich;

import java.util.List;
import org.ewea.methodology.HarmonisedItem;
import org.jspecify.annotations.Nullable;

/**
 * An item with what enrichment found in it; as stored, also its story and revisions.
 *
 * @param item the item
 * @param annotations tags and entities
 * @param story the id of the first item of its story (near-duplicates share one), or null before it is stored
 * @param revisions how often the item was updated because its article was edited
 * @param relevance as stored: the threat-relevance score scoring gave it, or null before it was scored
 */
public record AnnotatedItem(
        HarmonisedItem item,
        ItemAnnotations annotations,
        @Nullable String story,
        int revisions,
        @Nullable Relevance relevance) {

    /**
     * A threat-relevance score.
     *
     * @param probability that the item is threat-relevant
     * @param model the id of the model that scored it
     * @param threatTypes the kinds of threat event the item reports (Ransom, Databreach...), when a threat-type
     *     model is in use; empty otherwise
     */
    public record Relevance(double probability, String model, List<String> threatTypes) {

        public Relevance {
            threatTypes = List.copyOf(threatTypes);
        }

        public Relevance(double probability, String model) {
            this(probability, model, List.of());
        }
    }

    public AnnotatedItem(HarmonisedItem item, ItemAnnotations annotations, @Nullable String story, int revisions) {
        this(item, annotations, story, revisions, null);
    }

    public AnnotatedItem(HarmonisedItem item, ItemAnnotations annotations) {
        this(item, annotations, null, 0, null);
    }

    /** The same annotations, story, revisions and relevance, for another version of the item. */
    public AnnotatedItem withItem(HarmonisedItem other) {
        return new AnnotatedItem(other, annotations, story, revisions, relevance);
    }

    public static AnnotatedItem plain(HarmonisedItem item) {
        return new AnnotatedItem(item, ItemAnnotations.NONE);
    }
}
