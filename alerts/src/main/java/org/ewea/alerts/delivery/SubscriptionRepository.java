package org.ewea.alerts.delivery;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions ({@code subscriptions}), kept as the JSON of the record plus the fields queried. All calls block. */
public final class SubscriptionRepository {

    public static final String COLLECTION = "subscriptions";

    private final MongoCollection<Document> subscriptions;
    private final JsonMapper json = JsonMapper.builder().build();

    public SubscriptionRepository(MongoDatabase database) {
        this.subscriptions = database.getCollection(COLLECTION);
    }

    public void save(Subscription s) {
        subscriptions.replaceOne(
                Filters.eq("_id", s.id()),
                new Document("_id", s.id())
                        .append("owner", s.owner())
                        .append("team", s.team())
                        .append("enabled", s.enabled())
                        .append("json", json.writeValueAsString(s)),
                new ReplaceOptions().upsert(true));
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", id)).first())
                .map(this::read);
    }

    public boolean delete(String id) {
        return subscriptions.deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    /** The subscriptions of an owner (or everyone's when null). */
    public List<Subscription> list(@Nullable String owner) {
        List<Subscription> found = new ArrayList<>();
        subscriptions
                .find(owner == null ? new Document() : Filters.eq("owner", owner))
                .sort(Sorts.ascending("_id"))
                .forEach(d -> found.add(read(d)));
        return found;
    }

    public List<Subscription> enabled() {
        List<Subscription> found = new ArrayList<>();
        subscriptions
                .find(Filters.eq("enabled", true))
                .sort(Sorts.ascending("_id"))
                .forEach(d -> found.add(read(d)));
        return found;
    }

    private Subscription read(Document d) {
        return json.readValue(d.getString("json"), Subscription.class);
    }
}
