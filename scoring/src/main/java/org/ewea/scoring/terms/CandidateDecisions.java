package org.ewea.scoring.terms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** Analysts' decisions on candidates ({@code candidates}, by term). All calls block. */
public final class CandidateDecisions {

    public static final String COLLECTION = "candidates";

    /**
     * @param status ACCEPTED or REJECTED
     * @param user who decided
     * @param at when
     * @param technology for an accepted term: the taxonomy entry it belongs to, if the analyst named one
     * @param note why
     */
    public record Decision(
            String status,
            String user,
            Instant at,
            @Nullable String technology,
            @Nullable String note) {}

    private final MongoCollection<Document> decisions;

    public CandidateDecisions(MongoDatabase database) {
        this.decisions = database.getCollection(COLLECTION);
    }

    public void decide(String term, Decision decision) {
        decisions.replaceOne(
                Filters.eq("_id", term),
                new Document("_id", term)
                        .append("status", decision.status())
                        .append("user", decision.user())
                        .append("at", Date.from(decision.at()))
                        .append("technology", decision.technology())
                        .append("note", decision.note()),
                new ReplaceOptions().upsert(true));
    }

    public Optional<Decision> find(String term) {
        return Optional.ofNullable(decisions.find(Filters.eq("_id", term)).first())
                .map(CandidateDecisions::read);
    }

    public Map<String, Decision> all() {
        Map<String, Decision> all = new HashMap<>();
        decisions.find().forEach(d -> all.put(d.getString("_id"), read(d)));
        return all;
    }

    private static Decision read(Document d) {
        return new Decision(
                d.getString("status"),
                d.getString("user"),
                d.getDate("at").toInstant(),
                d.getString("technology"),
                d.getString("note"));
    }
}
