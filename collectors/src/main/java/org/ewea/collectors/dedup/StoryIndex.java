package org.ewea.collectors.dedup;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The {@code simhash_bands} collection: for each SimHash band value, the items (and their stories) that have it.
 * Looked up by {@code _id} only, so it is fast on every store. All calls block.
 */
public final class StoryIndex {

    public static final String COLLECTION = "simhash_bands";
    /** Members kept per band: enough to find a story, bounded against very common bands. */
    private static final int MAX_MEMBERS = 50;

    /** An indexed item: its fingerprint and its story. */
    public record Member(String itemId, long simhash, String story) {}

    private final MongoCollection<Document> bands;

    public StoryIndex(MongoDatabase database) {
        this.bands = database.getCollection(COLLECTION);
    }

    /** The story of the nearest indexed item within {@link SimHash#MAX_DISTANCE} bits, if any. */
    public Optional<Member> nearest(long simhash) {
        Map<String, Member> candidates = new LinkedHashMap<>();
        bands.find(in("_id", SimHash.bands(simhash))).forEach(band -> {
            for (Document m : band.getList("members", Document.class, List.of())) {
                candidates.putIfAbsent(
                        m.getString("item"),
                        new Member(m.getString("item"), m.getLong("simhash"), m.getString("story")));
            }
        });
        Member best = null;
        for (Member m : candidates.values()) {
            int d = SimHash.distance(simhash, m.simhash());
            if (d <= SimHash.MAX_DISTANCE && (best == null || d < SimHash.distance(simhash, best.simhash()))) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Indexes items under their bands: bands no item has yet are inserted in one batch (fast on every store), bands
     * that exist (or that another instance inserted meanwhile) get the members pushed, keeping the newest
     * {@value #MAX_MEMBERS}.
     */
    public void add(List<Member> members) {
        if (members.isEmpty()) {
            return;
        }
        Map<String, List<Document>> byBand = new LinkedHashMap<>();
        for (Member m : members) {
            Document member = new Document("item", m.itemId())
                    .append("simhash", m.simhash())
                    .append("story", m.story());
            for (String band : SimHash.bands(m.simhash())) {
                byBand.computeIfAbsent(band, b -> new ArrayList<>()).add(member);
            }
        }
        Set<String> existing = new HashSet<>();
        bands.find(in("_id", byBand.keySet()))
                .projection(new Document("_id", 1))
                .forEach(d -> existing.add(d.getString("_id")));
        List<Document> fresh = new ArrayList<>();
        List<String> pushes = new ArrayList<>(existing);
        byBand.forEach((band, list) -> {
            if (!existing.contains(band)) {
                fresh.add(new Document("_id", band)
                        .append("members", list.subList(Math.max(0, list.size() - MAX_MEMBERS), list.size())));
            }
        });
        if (!fresh.isEmpty()) {
            try {
                bands.insertMany(fresh, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                // inserted meanwhile by another instance: push onto those instead
                for (var error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    pushes.add(fresh.get(error.getIndex()).getString("_id"));
                }
            }
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (String band : pushes) {
            writes.add(new UpdateOneModel<>(
                    new Document("_id", band),
                    Updates.pushEach("members", byBand.get(band), new PushOptions().slice(-MAX_MEMBERS)),
                    new UpdateOptions().upsert(true)));
        }
        if (!writes.isEmpty()) {
            bands.bulkWrite(writes);
        }
    }
}
