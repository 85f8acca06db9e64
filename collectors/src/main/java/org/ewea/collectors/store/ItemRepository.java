package org.ewea.collectors.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewea.collectors.dedup.SimHash;
import org.ewea.collectors.dedup.StoryIndex;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * The {@code items} collection, owned by the collectors. Ids are derived from what identifies an item, so storing is an
 * upsert that never overwrites: a second capture of a stored item counts as merged. All calls block: callers on a
 * reactive thread must move them to a blocking-capable scheduler.
 */
public final class ItemRepository {

    public static final String COLLECTION = "items";
    private static final int BATCH = 500;

    private final MongoCollection<Document> items;
    private final StoryIndex stories;

    public ItemRepository(MongoDatabase database) {
        this.items = database.getCollection(COLLECTION);
        this.stories = new StoryIndex(database);
    }

    /** Creates the collection's indexes; safe to call at every start. */
    public void ensureIndexes() {
        items.createIndex(
                Indexes.compoundIndex(Indexes.descending(ItemDocuments.TIME), Indexes.ascending("_id")),
                new IndexOptions().name("time_desc_id"));
        items.createIndex(Indexes.ascending(ItemDocuments.CONTENT_HASH), new IndexOptions().name("content_hash"));
        items.createIndex(
                Indexes.compoundIndex(Indexes.ascending(ItemDocuments.SOURCE), Indexes.descending(ItemDocuments.TIME)),
                new IndexOptions().name("source_time"));
        items.createIndex(
                Indexes.compoundIndex(
                        Indexes.ascending(ItemDocuments.ANNOTATIONS + ".tags.technology"),
                        Indexes.descending(ItemDocuments.TIME)),
                new IndexOptions().name("technology_time"));
        items.createIndex(
                Indexes.compoundIndex(
                        Indexes.ascending(ItemDocuments.ANNOTATIONS + ".entities.value"),
                        Indexes.descending(ItemDocuments.TIME)),
                new IndexOptions().name("entity_time"));
        items.createIndex(
                Indexes.ascending(ItemDocuments.PROVENANCE + ".rawSha256"), new IndexOptions().name("raw_capture"));
        items.createIndex(
                Indexes.compoundIndex(
                        Indexes.ascending(ItemDocuments.RELEVANCE + ".threatTypes"),
                        Indexes.descending(ItemDocuments.TIME)),
                new IndexOptions().name("threat_type_time"));
    }

    /**
     * Stores the items not stored yet, in batches; items already stored (by id) are left as they are and counted as
     * merged, as are repeats of one id within the list.
     */
    public StoreOutcome insertNew(List<HarmonisedItem> batch) {
        return insertAnnotated(batch.stream().map(AnnotatedItem::plain).toList());
    }

    /**
     * As {@link #insertNew}, with each item's annotations stored beside it. A new item gets a SimHash fingerprint
     * and joins the story of its nearest near-duplicate (within 3 bits), stored or earlier in the batch, or starts
     * its own. An item already stored with the same content counts as merged; one whose content changed (an edited
     * article at the same URL) is updated in place and counts as merged and updated.
     */
    public StoreOutcome insertAnnotated(List<AnnotatedItem> batch) {
        return insertAnnotated(batch, stored -> {});
    }

    /** As {@link #insertAnnotated(List)}, telling {@code onStored} which items were stored new (with their story). */
    public StoreOutcome insertAnnotated(List<AnnotatedItem> batch, Consumer<List<AnnotatedItem>> onStored) {
        Map<ItemId, AnnotatedItem> unique = new LinkedHashMap<>();
        batch.forEach(a -> unique.putIfAbsent(a.item().id(), a));
        int repeats = batch.size() - unique.size();
        List<AnnotatedItem> distinct = new ArrayList<>(unique.values());
        StoreOutcome outcome = new StoreOutcome(0, repeats);
        for (int from = 0; from < distinct.size(); from += BATCH) {
            outcome = outcome.plus(write(distinct.subList(from, Math.min(distinct.size(), from + BATCH)), onStored));
        }
        return outcome;
    }

    /** What is stored of an item already: enough to tell a repeat from an edit, and its marking. */
    private record Stored(String id, String sourceId, String contentHash, Tlp tlp, Handling handling) {}

    private StoreOutcome write(List<AnnotatedItem> batch, Consumer<List<AnnotatedItem>> onStored) {
        Map<String, Stored> storedById = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (AnnotatedItem a : batch) {
            ids.add(a.item().id().value());
            if (a.item().canonicalUrl() != null) {
                ids.add(ItemId.legacyForUrl(a.item().canonicalUrl()).value());
            }
        }
        items.find(in("_id", ids))
                .projection(new Document(ItemDocuments.CONTENT_HASH, 1)
                        .append(ItemDocuments.SOURCE, 1)
                        .append(ItemDocuments.TLP, 1)
                        .append(Markings.HANDLING, 1))
                .forEach(d -> storedById.put(
                        d.getString("_id"),
                        new Stored(
                                d.getString("_id"),
                                d.getString(ItemDocuments.SOURCE),
                                d.getString(ItemDocuments.CONTENT_HASH),
                                Tlp.valueOf(d.getString(ItemDocuments.TLP)),
                                Markings.handling(d))));
        List<AnnotatedItem> chunk =
                batch.stream().map(a -> underLegacyId(a, storedById)).toList();
        Map<String, Stored> storedHashes = new HashMap<>();
        chunk.forEach(a -> {
            Stored stored = storedById.get(a.item().id().value());
            if (stored != null) {
                storedHashes.put(stored.id(), stored);
            }
        });
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<AnnotatedItem> written = new ArrayList<>();
        List<StoryIndex.Member> indexed = new ArrayList<>();
        int inserts = 0;
        int merged = 0;
        int edits = 0;
        for (AnnotatedItem annotated : chunk) {
            HarmonisedItem item = annotated.item();
            String id = item.id().value();
            Stored stored = storedHashes.get(id);
            String storedHash = stored == null ? null : stored.contentHash();
            if (storedHash == null) {
                Document document = ItemDocuments.toDocument(annotated).append(ItemDocuments.REVISIONS, 0);
                OptionalLong simhash = SimHash.of(item.title(), item.text());
                String story = id;
                if (simhash.isPresent()) {
                    story = nearest(simhash.getAsLong(), indexed)
                            .map(StoryIndex.Member::story)
                            .orElse(id);
                    document.append(ItemDocuments.SIMHASH, simhash.getAsLong());
                    indexed.add(new StoryIndex.Member(id, simhash.getAsLong(), story));
                }
                document.append(ItemDocuments.STORY, story);
                writes.add(new UpdateOneModel<>(
                        eq("_id", id), new Document("$setOnInsert", document), new UpdateOptions().upsert(true)));
                written.add(new AnnotatedItem(item, annotated.annotations(), story, 0));
                inserts++;
            } else if (storedHash.equals(item.contentHash())) {
                merged++;
            } else {
                // An edit never lowers the item's marking: the stricter of what is stored and what came now.
                Document edited = ItemDocuments.toDocument(annotated.withItem(stricter(item, stored)));
                edited.remove("_id");
                edited.remove(ItemDocuments.CAPTURED);
                edited.append(ItemDocuments.UPDATED, Date.from(item.captured()));
                writes.add(new UpdateOneModel<>(
                        new Document("_id", id).append(ItemDocuments.CONTENT_HASH, storedHash),
                        new Document("$set", edited).append("$inc", new Document(ItemDocuments.REVISIONS, 1))));
                edits++;
                written.add(null);
            }
        }
        List<AnnotatedItem> storedNew = new ArrayList<>();
        if (!writes.isEmpty()) {
            // Only inserts upsert (edits match an existing id), so every upsert index names an item stored new.
            items.bulkWrite(writes, new BulkWriteOptions().ordered(true))
                    .getUpserts()
                    .forEach(upsert -> storedNew.add(written.get(upsert.getIndex())));
        }
        int stored = storedNew.size();
        stories.add(indexed);
        if (!storedNew.isEmpty()) {
            onStored.accept(storedNew);
        }
        // An insert that met an item stored meanwhile by another instance is a merge, not a loss.
        return new StoreOutcome(stored, merged + edits + (inserts - stored), edits);
    }

    /**
     * The item under the id it was stored with before ids named their source, when that item is this source's own;
     * the item as it is otherwise (the same URL stored from another source stays that source's item).
     */
    private static AnnotatedItem underLegacyId(AnnotatedItem annotated, Map<String, Stored> stored) {
        HarmonisedItem item = annotated.item();
        if (item.canonicalUrl() == null || stored.containsKey(item.id().value())) {
            return annotated;
        }
        Stored legacy = stored.get(ItemId.legacyForUrl(item.canonicalUrl()).value());
        if (legacy == null || !legacy.sourceId().equals(item.sourceId().value())) {
            return annotated;
        }
        HarmonisedItem renamed = new HarmonisedItem(
                new ItemId(legacy.id()),
                item.sourceId(),
                item.canonicalUrl(),
                item.title(),
                item.text(),
                item.language(),
                item.published(),
                item.captured(),
                item.grading(),
                item.tlp(),
                item.handling(),
                item.contentHash(),
                item.provenance());
        return annotated.withItem(renamed);
    }

    /** The item with the stricter of its own and the stored marking and handling code. */
    private static HarmonisedItem stricter(HarmonisedItem item, Stored stored) {
        Tlp tlp = item.tlp().isAtMost(stored.tlp()) ? stored.tlp() : item.tlp();
        Handling handling = item.handling().isAtMost(stored.handling()) ? stored.handling() : item.handling();
        if (tlp == item.tlp() && handling.equals(item.handling())) {
            return item;
        }
        return new HarmonisedItem(
                item.id(),
                item.sourceId(),
                item.canonicalUrl(),
                item.title(),
                item.text(),
                item.language(),
                item.published(),
                item.captured(),
                item.grading(),
                tlp,
                handling,
                item.contentHash(),
                item.provenance());
    }

    /** Whether the source's item at this canonical URL is stored (under its id, or the one from before). */
    public boolean isStored(SourceId source, String canonicalUrl) {
        if (items.find(eq("_id", ItemId.forUrl(source, canonicalUrl).value()))
                        .projection(new Document("_id", 1))
                        .first()
                != null) {
            return true;
        }
        Document legacy = items.find(eq("_id", ItemId.legacyForUrl(canonicalUrl).value()))
                .projection(new Document(ItemDocuments.SOURCE, 1))
                .first();
        return legacy != null && source.value().equals(legacy.getString(ItemDocuments.SOURCE));
    }

    private Optional<StoryIndex.Member> nearest(long simhash, List<StoryIndex.Member> inBatch) {
        StoryIndex.Member best = stories.nearest(simhash).orElse(null);
        for (StoryIndex.Member m : inBatch) {
            if (SimHash.distance(simhash, m.simhash()) <= SimHash.MAX_DISTANCE
                    && (best == null
                            || SimHash.distance(simhash, m.simhash()) < SimHash.distance(simhash, best.simhash()))) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<HarmonisedItem> find(ItemId id) {
        return Optional.ofNullable(items.find(eq("_id", id.value())).first()).map(ItemDocuments::fromDocument);
    }

    /** One page of items, newest first (by published time, else capture time), ties broken by id. */
    public List<HarmonisedItem> page(int page, int size) {
        return pageAnnotated(page, size).stream().map(AnnotatedItem::item).toList();
    }

    /** As {@link #page}, with annotations. */
    public List<AnnotatedItem> pageAnnotated(int page, int size) {
        return pageAnnotated(page, size, Clearance.FULL);
    }

    /** As {@link #pageAnnotated(int, int)}, of the items {@code clearance} permits only. */
    public List<AnnotatedItem> pageAnnotated(int page, int size, Clearance clearance) {
        return pageAnnotated(page, size, clearance, null, null);
    }

    /**
     * As {@link #pageAnnotated(int, int, Clearance)}, and when {@code minRelevance} is given only items scored at least
     * that relevant, when {@code threatType} is given only items reporting that kind of threat event.
     */
    public List<AnnotatedItem> pageAnnotated(
            int page, int size, Clearance clearance, @Nullable Double minRelevance, @Nullable String threatType) {
        List<AnnotatedItem> result = new ArrayList<>(size);
        items.find(listed(clearance, minRelevance, threatType))
                .sort(Indexes.compoundIndex(Indexes.descending(ItemDocuments.TIME), Indexes.ascending("_id")))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .forEach(document -> result.add(ItemDocuments.fromAnnotatedDocument(document)));
        return result;
    }

    /**
     * Every stored item with its annotations, handed over in batches of at most {@code batchSize} in id order, read
     * with a single cursor (no skip); for rebuilding data derived from the items.
     *
     * @return the number of items read
     */
    public long forEachAnnotated(int batchSize, Consumer<List<AnnotatedItem>> batches) {
        return forEach(new Document(), batchSize, batches);
    }

    private long forEach(Bson filter, int batchSize, Consumer<List<AnnotatedItem>> batches) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
        }
        long read = 0;
        List<AnnotatedItem> batch = new ArrayList<>(batchSize);
        for (Document document :
                items.find(filter).sort(Indexes.ascending("_id")).batchSize(batchSize)) {
            batch.add(ItemDocuments.fromAnnotatedDocument(document));
            read++;
            if (batch.size() == batchSize) {
                batches.accept(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
        return read;
    }

    /**
     * The newest items tagged with a technology, with their time (published, else captured) in
     * {@code [from, to)}: evidence for a technology's signal.
     */
    public List<AnnotatedItem> taggedWith(String technology, Instant from, Instant to, int limit) {
        return newest(Filters.eq(ItemDocuments.ANNOTATIONS + ".tags.technology", technology), from, to, limit);
    }

    /** As {@link #taggedWith}, for items mentioning an entity (by type and normalised value). */
    public List<AnnotatedItem> mentioning(String entityType, String value, Instant from, Instant to, int limit) {
        return newest(
                Filters.elemMatch(
                        ItemDocuments.ANNOTATIONS + ".entities",
                        Filters.and(eq("type", entityType), eq("value", value))),
                from,
                to,
                limit);
    }

    private List<AnnotatedItem> newest(Bson about, Instant from, Instant to, int limit) {
        return newest(about, from, to, limit, Clearance.FULL);
    }

    /** As {@link #taggedWith(String, Instant, Instant, int)}, of the items {@code clearance} permits. */
    public List<AnnotatedItem> taggedWith(String technology, Instant from, Instant to, int limit, Clearance clearance) {
        return newest(
                Filters.eq(ItemDocuments.ANNOTATIONS + ".tags.technology", technology), from, to, limit, clearance);
    }

    /** As {@link #mentioning(String, String, Instant, Instant, int)}, of the items {@code clearance} permits. */
    public List<AnnotatedItem> mentioning(
            String entityType, String value, Instant from, Instant to, int limit, Clearance clearance) {
        return newest(
                Filters.elemMatch(
                        ItemDocuments.ANNOTATIONS + ".entities",
                        Filters.and(eq("type", entityType), eq("value", value))),
                from,
                to,
                limit,
                clearance);
    }

    /** Stores relevance scores by item id (scoring's; items not stored are ignored). */
    public void setRelevance(Map<ItemId, Double> probabilities, String model) {
        Map<ItemId, AnnotatedItem.Relevance> scores = new LinkedHashMap<>();
        probabilities.forEach((id, p) -> scores.put(id, new AnnotatedItem.Relevance(p, model)));
        setRelevance(scores);
    }

    /** Stores relevance scores and threat types by item id (scoring's; items not stored are ignored). */
    public void setRelevance(Map<ItemId, AnnotatedItem.Relevance> scores) {
        if (scores.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(scores.size());
        scores.forEach((id, r) -> writes.add(new UpdateOneModel<>(
                eq("_id", id.value()),
                new Document(
                        "$set",
                        new Document(
                                ItemDocuments.RELEVANCE,
                                new Document("probability", r.probability())
                                        .append("model", r.model())
                                        .append("threatTypes", r.threatTypes()))))));
        items.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /**
     * Every item not scored by {@code model} (never scored, or by another model), in batches of at most
     * {@code batchSize} in id order; for rescoring after a model change.
     *
     * @return the number of items read
     */
    public long forEachNotScoredBy(String model, int batchSize, Consumer<List<AnnotatedItem>> batches) {
        return forEach(Filters.ne(ItemDocuments.RELEVANCE + ".model", model), batchSize, batches);
    }

    /**
     * The newest items whose title or text contains {@code word} as a whole word (any case), with their time in
     * {@code [from, to)}, that {@code clearance} permits: evidence for a term no annotation records.
     */
    public List<AnnotatedItem> containing(String word, Instant from, Instant to, int limit, Clearance clearance) {
        String pattern = "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])";
        return newest(
                Filters.or(
                        Filters.regex(ItemDocuments.TITLE, pattern, "i"),
                        Filters.regex(ItemDocuments.TEXT, pattern, "i")),
                from,
                to,
                limit,
                clearance);
    }

    /**
     * Whether a reader with {@code clearance} may see a raw capture: every item extracted from it must be permitted
     * (a capture no item came from is not shown to anyone but a fully cleared reader).
     */
    public boolean captureCleared(String sha256, Clearance clearance) {
        boolean[] any = {false};
        boolean[] all = {true};
        items.find(eq(ItemDocuments.PROVENANCE + ".rawSha256", sha256))
                .projection(new Document(Markings.TLP, 1).append(Markings.HANDLING, 1))
                .forEach(d -> {
                    any[0] = true;
                    all[0] &= clearance.permits(Tlp.valueOf(d.getString(Markings.TLP)), Markings.handling(d));
                });
        return any[0] ? all[0] : clearance.full();
    }

    /** Items {@code clearance} permits: {@link #count()} when it permits everything, else counted by query. */
    public long count(Clearance clearance) {
        return count(clearance, null, null);
    }

    /**
     * As {@link #count(Clearance)}, of the items scored at least {@code minRelevance} and reporting
     * {@code threatType}, each when given.
     */
    public long count(Clearance clearance, @Nullable Double minRelevance, @Nullable String threatType) {
        return clearance.full() && minRelevance == null && threatType == null
                ? count()
                : items.countDocuments(listed(clearance, minRelevance, threatType));
    }

    private static Bson listed(Clearance clearance, @Nullable Double minRelevance, @Nullable String threatType) {
        List<Bson> filters = new ArrayList<>();
        if (minRelevance != null) {
            filters.add(Filters.gte(ItemDocuments.RELEVANCE + ".probability", minRelevance));
        }
        if (threatType != null) {
            filters.add(eq(ItemDocuments.RELEVANCE + ".threatTypes", threatType));
        }
        return Markings.and(filters.isEmpty() ? new Document() : Filters.and(filters), clearance);
    }

    private List<AnnotatedItem> newest(Bson about, Instant from, Instant to, int limit, Clearance clearance) {
        List<AnnotatedItem> result = new ArrayList<>(limit);
        items.find(Markings.and(
                        Filters.and(
                                about,
                                Filters.gte(ItemDocuments.TIME, Date.from(from)),
                                Filters.lt(ItemDocuments.TIME, Date.from(to))),
                        clearance))
                .sort(Indexes.compoundIndex(Indexes.descending(ItemDocuments.TIME), Indexes.ascending("_id")))
                .limit(limit)
                .forEach(document -> result.add(ItemDocuments.fromAnnotatedDocument(document)));
        return result;
    }

    /** The items of the ids, in their order, of those stored and permitted by {@code clearance}. */
    public List<AnnotatedItem> findAnnotated(List<ItemId> ids, Clearance clearance) {
        List<AnnotatedItem> found = new ArrayList<>();
        for (ItemId id : ids) {
            findAnnotated(id)
                    .filter(i -> clearance.permits(i.item().tlp(), i.item().handling()))
                    .ifPresent(found::add);
        }
        return found;
    }

    /**
     * The items of one story (near-duplicates: syndicated copies of one article) that {@code clearance} permits,
     * oldest capture first, at most {@code limit}.
     */
    public List<AnnotatedItem> story(String story, Clearance clearance, int limit) {
        List<AnnotatedItem> result = new ArrayList<>();
        items.find(Markings.and(eq(ItemDocuments.STORY, story), clearance))
                .sort(Indexes.compoundIndex(Indexes.ascending(ItemDocuments.CAPTURED), Indexes.ascending("_id")))
                .limit(limit)
                .forEach(document -> result.add(ItemDocuments.fromAnnotatedDocument(document)));
        return result;
    }

    public Optional<AnnotatedItem> findAnnotated(ItemId id) {
        return Optional.ofNullable(items.find(eq("_id", id.value())).first()).map(ItemDocuments::fromAnnotatedDocument);
    }

    /**
     * The number of stored items, from collection metadata (a full scan on the embedded server otherwise). Exact
     * after a clean shutdown; see docs/operations.md for the caveat after a real MongoDB crash.
     */
    public long count() {
        return items.estimatedDocumentCount();
    }
}
