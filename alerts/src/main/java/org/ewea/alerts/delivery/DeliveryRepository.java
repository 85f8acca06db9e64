package org.ewea.alerts.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/** Deliveries ({@code deliveries}), one per subscription and event. All calls block. */
public final class DeliveryRepository {

    public static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> deliveries;

    public DeliveryRepository(MongoDatabase database) {
        this.deliveries = database.getCollection(COLLECTION);
    }

    /** Stores a planned delivery unless it exists; true when stored. */
    public boolean insertIfAbsent(Delivery d) {
        try {
            deliveries.insertOne(write(d));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(deliveries.find(Filters.eq("_id", id)).first())
                .map(DeliveryRepository::read);
    }

    /** Pending deliveries due at {@code now}, oldest event first. */
    public List<Delivery> due(Instant now, int limit) {
        List<Delivery> found = new ArrayList<>();
        deliveries
                .find(Filters.and(
                        Filters.eq("status", Delivery.Status.PENDING.name()),
                        Filters.lte("nextAttemptAt", Date.from(now))))
                .sort(Sorts.ascending("eventSequence", "_id"))
                .limit(limit)
                .forEach(d -> found.add(read(d)));
        return found;
    }

    public void delivered(String id, int attempts, Instant at) {
        deliveries.updateOne(
                Filters.eq("_id", id),
                Updates.combine(
                        Updates.set("status", Delivery.Status.DELIVERED.name()),
                        Updates.set("attempts", attempts),
                        Updates.set("deliveredAt", Date.from(at)),
                        Updates.set("nextAttemptAt", null)));
    }

    /** Records a failed attempt: due again at {@code next}, or dead when {@code next} is null. */
    public void failed(String id, int attempts, String error, @Nullable Instant next) {
        deliveries.updateOne(
                Filters.eq("_id", id),
                Updates.combine(
                        Updates.set(
                                "status", next == null ? Delivery.Status.DEAD.name() : Delivery.Status.PENDING.name()),
                        Updates.set("attempts", attempts),
                        Updates.set("lastError", error),
                        Updates.set("nextAttemptAt", next == null ? null : Date.from(next))));
    }

    /** Puts a dead letter back in the queue, due now; false when it is not dead. */
    public boolean retry(String id, Instant now) {
        return deliveries
                        .updateOne(
                                Filters.and(Filters.eq("_id", id), Filters.eq("status", Delivery.Status.DEAD.name())),
                                Updates.combine(
                                        Updates.set("status", Delivery.Status.PENDING.name()),
                                        Updates.set("attempts", 0),
                                        Updates.set("nextAttemptAt", Date.from(now))))
                        .getModifiedCount()
                == 1;
    }

    /** A page, newest first, filtered by status, owner and subscription (nulls do not filter). */
    public List<Delivery> page(
            Delivery.@Nullable Status status,
            @Nullable String owner,
            @Nullable String subscriptionId,
            int page,
            int size) {
        List<Delivery> found = new ArrayList<>();
        deliveries
                .find(filter(status, owner, subscriptionId))
                .sort(Sorts.descending("eventSequence", "_id"))
                .skip(page * size)
                .limit(size)
                .forEach(d -> found.add(read(d)));
        return found;
    }

    public long count(Delivery.@Nullable Status status, @Nullable String owner, @Nullable String subscriptionId) {
        return deliveries.countDocuments(filter(status, owner, subscriptionId));
    }

    private static Bson filter(
            Delivery.@Nullable Status status, @Nullable String owner, @Nullable String subscriptionId) {
        List<Bson> all = new ArrayList<>();
        if (status != null) {
            all.add(Filters.eq("status", status.name()));
        }
        if (owner != null) {
            all.add(Filters.eq("owner", owner));
        }
        if (subscriptionId != null) {
            all.add(Filters.eq("subscriptionId", subscriptionId));
        }
        return all.isEmpty() ? new Document() : Filters.and(all);
    }

    private static Document write(Delivery d) {
        return new Document("_id", d.id())
                .append("subscriptionId", d.subscriptionId())
                .append("owner", d.owner())
                .append("channel", d.channel().name())
                .append("eventSequence", d.eventSequence())
                .append("alertId", d.alertId())
                .append("status", d.status().name())
                .append("attempts", d.attempts())
                .append("nextAttemptAt", d.nextAttemptAt() == null ? null : Date.from(d.nextAttemptAt()))
                .append("lastError", d.lastError())
                .append("createdAt", Date.from(d.createdAt()))
                .append("deliveredAt", d.deliveredAt() == null ? null : Date.from(d.deliveredAt()));
    }

    private static Delivery read(Document d) {
        Date next = d.getDate("nextAttemptAt");
        Date delivered = d.getDate("deliveredAt");
        return new Delivery(
                d.getString("_id"),
                d.getString("subscriptionId"),
                d.getString("owner"),
                Channel.valueOf(d.getString("channel")),
                d.get("eventSequence", Number.class).longValue(),
                d.getString("alertId"),
                Delivery.Status.valueOf(d.getString("status")),
                d.getInteger("attempts", 0),
                next == null ? null : next.toInstant(),
                d.getString("lastError"),
                d.getDate("createdAt").toInstant(),
                delivered == null ? null : delivered.toInstant());
    }
}
