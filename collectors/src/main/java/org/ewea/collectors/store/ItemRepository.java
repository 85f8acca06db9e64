package org.ewea.collectors.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;

/**
 * The {@code items} collection, owned by the collectors. Ids are derived from what identifies an item, so storing is an
 * upsert that never overwrites: a second capture of a stored item counts as merged. All calls block: callers on a
 * reactive thread must move them to a blocking-capable scheduler.
 */
public final class ItemRepository {

    public static final String COLLECTION = "items";
    private static final int BATCH = 500;

    private final MongoCollection<Document> items;

    public ItemRepository(MongoDatabase database) {
        this.items = database.getCollection(COLLECTION);
    }

    /** Creates the collection's indexes; safe to call at every start. */
    public void ensureIndexes() {
        items.createIndex(Indexes.compoundIndex(Indexes.descending(ItemDocuments.TIME), Indexes.ascending("_id")),
                new IndexOptions().name("time_desc_id"));
        items.createIndex(Indexes.ascending(ItemDocuments.CONTENT_HASH), new IndexOptions().name("content_hash"));
        items.createIndex(Indexes.compoundIndex(Indexes.ascending(ItemDocuments.SOURCE),
                Indexes.descending(ItemDocuments.TIME)), new IndexOptions().name("source_time"));
    }

    /**
     * Stores the items not stored yet, in batches; items already stored (by id) are left as they are and counted as
     * merged, as are repeats of one id within the list.
     */
    public StoreOutcome insertNew(List<HarmonisedItem> batch) {
        return insertAnnotated(batch.stream().map(AnnotatedItem::plain).toList());
    }

    /** As {@link #insertNew}, with each item's annotations stored beside it. */
    public StoreOutcome insertAnnotated(List<AnnotatedItem> batch) {
        Map<ItemId, AnnotatedItem> unique = new LinkedHashMap<>();
        batch.forEach(a -> unique.putIfAbsent(a.item().id(), a));
        StoreOutcome outcome = new StoreOutcome(0, batch.size() - unique.size());
        List<AnnotatedItem> distinct = new ArrayList<>(unique.values());
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (AnnotatedItem annotated : distinct.subList(from, Math.min(distinct.size(), from + BATCH))) {
                writes.add(new UpdateOneModel<>(eq("_id", annotated.item().id().value()),
                        new Document("$setOnInsert", ItemDocuments.toDocument(annotated)),
                        new UpdateOptions().upsert(true)));
            }
            BulkWriteResult result = items.bulkWrite(writes, new BulkWriteOptions().ordered(true));
            int stored = result.getUpserts().size();
            outcome = outcome.plus(new StoreOutcome(stored, writes.size() - stored));
        }
        return outcome;
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
        List<AnnotatedItem> result = new ArrayList<>(size);
        items.find()
                .sort(Indexes.compoundIndex(Indexes.descending(ItemDocuments.TIME), Indexes.ascending("_id")))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .forEach(document -> result.add(ItemDocuments.fromAnnotatedDocument(document)));
        return result;
    }

    public Optional<AnnotatedItem> findAnnotated(ItemId id) {
        return Optional.ofNullable(items.find(eq("_id", id.value())).first())
                .map(ItemDocuments::fromAnnotatedDocument);
    }

    /**
     * The number of stored items, from collection metadata (a full scan on the embedded server otherwise). Exact
     * after a clean shutdown; see docs/operations.md for the caveat after a real MongoDB crash.
     */
    public long count() {
        return items.estimatedDocumentCount();
    }
}
