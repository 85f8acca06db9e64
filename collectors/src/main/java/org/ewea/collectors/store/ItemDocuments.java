package org.ewea.collectors.store;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Provenance;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * Maps items to and from their documents in {@code items}. Field names are part of the stored format: renaming one
 * needs a migration. Times are stored as BSON dates (millisecond precision, UTC).
 */
final class ItemDocuments {

    static final String ID = "_id";
    static final String SOURCE = "sourceId";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String LANGUAGE = "language";
    static final String PUBLISHED = "published";
    static final String CAPTURED = "captured";
    /** The time items are listed by: published when known, otherwise captured. */
    static final String TIME = "time";

    static final String GRADING = "grading";
    static final String TLP = Markings.TLP;
    static final String CONTENT_HASH = "contentHash";
    static final String PROVENANCE = "provenance";
    static final String ANNOTATIONS = "annotations";
    static final String SIMHASH = "simhash";
    static final String STORY = "story";
    static final String REVISIONS = "revisions";
    static final String UPDATED = "updated";
    /** Set by scoring after the item is stored: {@code {probability, model}}. */
    static final String RELEVANCE = "relevance";

    private ItemDocuments() {}

    static Document toDocument(HarmonisedItem item) {
        return new Document(ID, item.id().value())
                .append(SOURCE, item.sourceId().value())
                .append(URL, item.canonicalUrl())
                .append(TITLE, item.title())
                .append(TEXT, item.text())
                .append(LANGUAGE, item.language())
                .append(PUBLISHED, date(item.published()))
                .append(CAPTURED, date(item.captured()))
                .append(TIME, date(item.effectiveTime()))
                .append(GRADING, item.grading().code())
                .append(TLP, item.tlp().name())
                .append(Markings.HANDLING, Markings.handlingDocument(item.handling()))
                .append(CONTENT_HASH, item.contentHash())
                .append(
                        PROVENANCE,
                        new Document("rawSha256", item.provenance().rawSha256())
                                .append("origin", item.provenance().origin().toString())
                                .append("captured", date(item.provenance().captured())));
    }

    static Document toDocument(AnnotatedItem annotated) {
        ItemAnnotations a = annotated.annotations();
        List<Document> tags = a.tags().stream()
                .map(t -> new Document("technology", t.technology())
                        .append("count", t.count())
                        .append("firstOffset", t.firstOffset())
                        .append("term", t.term()))
                .toList();
        List<Document> entities = a.entities().stream()
                .map(e -> new Document("type", e.type())
                        .append("value", e.value())
                        .append("count", e.count())
                        .append("label", e.label()))
                .toList();
        return toDocument(annotated.item())
                .append(
                        ANNOTATIONS,
                        new Document("tags", tags)
                                .append("entities", entities)
                                .append("methodologyVersion", a.methodologyVersion()));
    }

    static AnnotatedItem fromAnnotatedDocument(Document document) {
        HarmonisedItem item = fromDocument(document);
        Document a = document.get(ANNOTATIONS, Document.class);
        String story = document.getString(STORY);
        int revisions = document.getInteger(REVISIONS, 0);
        Document r = document.get(RELEVANCE, Document.class);
        AnnotatedItem.Relevance relevance = r == null
                ? null
                : new AnnotatedItem.Relevance(
                        ((Number) r.get("probability")).doubleValue(),
                        r.getString("model"),
                        r.getList("threatTypes", String.class, List.of()));
        if (a == null) {
            return new AnnotatedItem(item, ItemAnnotations.NONE, story, revisions, relevance);
        }
        List<ItemAnnotations.Tag> tags = a.getList("tags", Document.class, List.of()).stream()
                .map(t -> new ItemAnnotations.Tag(
                        t.getString("technology"),
                        t.getInteger("count", 0),
                        t.getInteger("firstOffset", 0),
                        t.getString("term")))
                .toList();
        List<ItemAnnotations.Entity> entities = a.getList("entities", Document.class, List.of()).stream()
                .map(e -> new ItemAnnotations.Entity(
                        e.getString("type"), e.getString("value"), e.getInteger("count", 0), e.getString("label")))
                .toList();
        return new AnnotatedItem(
                item,
                new ItemAnnotations(tags, entities, a.getString("methodologyVersion")),
                story,
                revisions,
                relevance);
    }

    static HarmonisedItem fromDocument(Document document) {
        Document provenance = document.get(PROVENANCE, Document.class);
        return new HarmonisedItem(
                new ItemId(document.getString(ID)),
                new SourceId(document.getString(SOURCE)),
                document.getString(URL),
                document.getString(TITLE),
                document.getString(TEXT),
                document.getString(LANGUAGE),
                instant(document.getDate(PUBLISHED)),
                requiredInstant(document.getDate(CAPTURED)),
                AdmiraltyGrade.parse(document.getString(GRADING)),
                Tlp.valueOf(document.getString(TLP)),
                Markings.handling(document),
                document.getString(CONTENT_HASH),
                new Provenance(
                        provenance.getString("rawSha256"),
                        URI.create(provenance.getString("origin")),
                        requiredInstant(provenance.getDate("captured"))));
    }

    private static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Instant requiredInstant(@Nullable Date date) {
        if (date == null) {
            throw new IllegalStateException("stored item lacks a required date");
        }
        return date.toInstant();
    }
}
