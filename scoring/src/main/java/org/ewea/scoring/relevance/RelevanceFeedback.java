package org.ewea.scoring.relevance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.ewea.methodology.ItemId;

/**
 * Analysts' verdicts on single items ({@code relevance_feedback}): threat-relevant or not, one verdict per analyst
 * and item (a new verdict replaces the analyst's earlier one). They become training labels of the relevance model
 * (see {@link RelevanceRetraining}). All calls block.
 */
public final class RelevanceFeedback {

    public static final String COLLECTION = "relevance_feedback";

    /** One analyst's verdict on one item. */
    public record Verdict(String item, String user, boolean relevant, Instant at) {}

    private final MongoCollection<Document> verdicts;

    public RelevanceFeedback(MongoDatabase database) {
        this.verdicts = database.getCollection(COLLECTION);
    }

    public void ensureIndexes() {
        verdicts.createIndex(Indexes.ascending("item"));
    }

    public Verdict record(ItemId item, String user, boolean relevant, Instant at) {
        verdicts.replaceOne(
                Filters.eq("_id", item.value() + "|" + user),
                new Document("_id", item.value() + "|" + user)
                        .append("item", item.value())
                        .append("user", user)
                        .append("relevant", relevant)
                        .append("at", Date.from(at)),
                new ReplaceOptions().upsert(true));
        return new Verdict(item.value(), user, relevant, at);
    }

    /** The verdicts on an item, by user. */
    public List<Verdict> of(ItemId item) {
        List<Verdict> found = new ArrayList<>();
        verdicts.find(Filters.eq("item", item.value()))
                .sort(Indexes.ascending("user"))
                .forEach(d -> found.add(verdict(d)));
        return found;
    }

    /** The item's label: what most analysts said, empty while none did or they are split evenly. */
    public Optional<Boolean> label(ItemId item) {
        int[] votes = new int[2];
        of(item).forEach(v -> votes[v.relevant() ? 1 : 0]++);
        return majority(votes);
    }

    /** Each judged item's label: what most analysts said (items they are split on evenly are left out). */
    public Map<ItemId, Boolean> labels() {
        Map<String, int[]> votes = new TreeMap<>();
        verdicts.find()
                .forEach(d -> votes.computeIfAbsent(d.getString("item"), k -> new int[2])[
                        d.getBoolean("relevant") ? 1 : 0]++);
        Map<ItemId, Boolean> labels = new LinkedHashMap<>();
        votes.forEach((item, v) -> majority(v).ifPresent(label -> labels.put(new ItemId(item), label)));
        return labels;
    }

    /** What most said, from the counts of "not relevant" and "relevant"; empty when none did or they tie. */
    private static Optional<Boolean> majority(int[] votes) {
        return votes[0] == votes[1] ? Optional.empty() : Optional.of(votes[1] > votes[0]);
    }

    private static Verdict verdict(Document d) {
        return new Verdict(
                d.getString("item"),
                d.getString("user"),
                d.getBoolean("relevant"),
                d.getDate("at").toInstant());
    }
}
