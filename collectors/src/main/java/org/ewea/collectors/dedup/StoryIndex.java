package org.ewea.collectors.dedup;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    public record Member(String itemId, long simhash, String story) {
    }

    private final MongoCollection<Document> bands;

    public StoryIndex(MongoDatabase database) {
        this.bands = database.getCollection(COLLECTION);
    }

    /** The story of the nearest indexed item within {@link SimHash#MAX_DISTANCE} bits, if any. */
    public Optional<Member> nearest(long simhash) {
        Map<String, Member> candidates = new LinkedHashMap<>();
        bands.find(in("_id", SimHash.bands(simhash))).forEach(band -> {
            for (Document m : band.getList("members", Document.class, List.of())) {
                candidates.putIfAbsent(m.getString("item"), new Member(m.getString("item"), m.getLong("simhash"),
                        m.getString("story")));
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

    /** Indexes items under their bands. */
    public void add(List<Member> members) {
        if (members.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Member m : members) {
            Document member = new Document("item", m.itemId()).append("simhash", m.simhash()).append("story",
                    m.story());
            for (String band : SimHash.bands(m.simhash())) {
                writes.add(new UpdateOneModel<>(new Document("_id", band),
                        Updates.pushEach("members", List.of(member),
                                new com.mongodb.client.model.PushOptions().slice(-MAX_MEMBERS)),
                        new UpdateOptions().upsert(true)));
            }
        }
        bands.bulkWrite(writes);
    }
}
