package org.ewea.alerts.rule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules in force: those of the rules file, with the rules saved through the API ({@code alert_rules}) replacing
 * the file's rule of the same id or adding to them. Saved rules are kept as the JSON they were given. All calls
 * block.
 */
public final class RuleBook {

    public static final String COLLECTION = "alert_rules";

    /**
     * A rule and where it comes from.
     *
     * @param rule the rule
     * @param origin {@code file} or {@code api}
     * @param savedBy who saved it through the API
     * @param savedAt when
     */
    public record Entry(
            AlertRule rule,
            String origin,
            @Nullable String savedBy,
            @Nullable Instant savedAt) {}

    private final List<AlertRule> fileRules;
    private final MongoCollection<Document> saved;
    private final JsonMapper json = JsonMapper.builder().build();

    public RuleBook(List<AlertRule> fileRules, MongoDatabase database) {
        this.fileRules = List.copyOf(fileRules);
        this.saved = database.getCollection(COLLECTION);
    }

    /** Every rule in force: the file's order, then the API's additions by id. */
    public List<Entry> entries() {
        Map<String, Entry> byId = new LinkedHashMap<>();
        fileRules.forEach(r -> byId.put(r.id(), new Entry(r, "file", null, null)));
        List<Entry> added = new ArrayList<>();
        saved.find().sort(new Document("_id", 1)).forEach(d -> {
            Entry entry = new Entry(
                    json.readValue(d.getString("rule"), AlertRule.class),
                    "api",
                    d.getString("savedBy"),
                    d.getDate("savedAt").toInstant());
            if (byId.containsKey(entry.rule().id())) {
                byId.put(entry.rule().id(), entry);
            } else {
                added.add(entry);
            }
        });
        List<Entry> all = new ArrayList<>(byId.values());
        all.addAll(added);
        return all;
    }

    public List<AlertRule> rules() {
        return entries().stream().map(Entry::rule).toList();
    }

    public Optional<Entry> find(String id) {
        return entries().stream().filter(e -> e.rule().id().equals(id)).findFirst();
    }

    /** Saves a (valid) rule, replacing the file's or an earlier saved rule of the same id. */
    public Entry save(AlertRule rule, String user, Instant at) {
        saved.replaceOne(
                Filters.eq("_id", rule.id()),
                new Document("_id", rule.id())
                        .append("rule", json.writeValueAsString(rule))
                        .append("savedBy", user)
                        .append("savedAt", Date.from(at)),
                new ReplaceOptions().upsert(true));
        return new Entry(rule, "api", user, at);
    }

    /**
     * Removes a saved rule: a rule the API added is gone, a file rule it replaced is back as written.
     *
     * @return false when no rule of that id was saved through the API
     */
    public boolean delete(String id) {
        return saved.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    /** Whether the rules file defines the id. */
    public boolean inFile(String id) {
        return fileRules.stream().anyMatch(r -> r.id().equals(id));
    }
}
