package org.ewea.api.items;

import java.time.Instant;
import java.util.List;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.methodology.HarmonisedItem;
import org.jspecify.annotations.Nullable;

/**
 * An item as the API shows it.
 *
 * @param id stable item id
 * @param sourceId the source it was collected from
 * @param url canonical URL, or null for content without one
 * @param title plain-text title
 * @param text plain-text body
 * @param language BCP 47 tag, or null when unknown
 * @param published publication time, or null when the source gave none
 * @param captured capture time
 * @param grading Admiralty grade, e.g. {@code B2}
 * @param tlp TLP 2.0 label, e.g. {@code TLP:AMBER}
 * @param handling the provider's handling code, e.g. {@code europol:H2}, or {@code none}
 * @param contentHash SHA-256 of the normalised title and text
 * @param provenance the raw capture the item came from
 * @param tags taxonomy technologies mentioned (id, mentions, first offset, term)
 * @param entities entities mentioned (CVE ids, crypto and onion addresses, e-mail addresses, ATT&CK names)
 * @param methodologyVersion the methodology version the tags were made under
 * @param story the id of the first item of its story: near-duplicates (syndicated copies) share it
 * @param revisions how often the article was edited since first captured
 * @param relevance the probability that the item is threat-relevant, the model that said so and the kinds of threat
 *     event it reports when a threat-type model is in use (null until scored)
 */
public record ItemView(
        String id,
        String sourceId,
        @Nullable String url,
        String title,
        String text,
        @Nullable String language,
        @Nullable Instant published,
        Instant captured,
        String grading,
        String tlp,
        String handling,
        String contentHash,
        ProvenanceView provenance,
        List<ItemAnnotations.Tag> tags,
        List<ItemAnnotations.Entity> entities,
        String methodologyVersion,
        @Nullable String story,
        int revisions,
        AnnotatedItem.@Nullable Relevance relevance) {

    /**
     * @param rawSha256 SHA-256 of the raw captured bytes
     * @param origin where they were captured from
     * @param captured when
     */
    public record ProvenanceView(String rawSha256, String origin, Instant captured) {}

    public static ItemView of(AnnotatedItem annotated) {
        HarmonisedItem item = annotated.item();
        return new ItemView(
                item.id().value(),
                item.sourceId().value(),
                item.canonicalUrl(),
                item.title(),
                item.text(),
                item.language(),
                item.published(),
                item.captured(),
                item.grading().code(),
                item.tlp().label(),
                item.handling().label(),
                item.contentHash(),
                new ProvenanceView(
                        item.provenance().rawSha256(),
                        item.provenance().origin().toString(),
                        item.provenance().captured()),
                annotated.annotations().tags(),
                annotated.annotations().entities(),
                annotated.annotations().methodologyVersion(),
                annotated.story(),
                annotated.revisions(),
                annotated.relevance());
    }
}
