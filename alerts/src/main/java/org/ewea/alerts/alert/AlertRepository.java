package org.ewea.alerts.alert;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Clearance;
import org.jspecify.annotations.Nullable;

/**
 * Alerts ({@code alerts}). A unique index on the open key keeps one open alert per development, across instances.
 * Every change replaces the document under its version, so two analysts (or two instances) never overwrite each
 * other unseen. All calls block.
 */
public final class AlertRepository {

    public static final String COLLECTION = "alerts";

    /** Filters of a listing; null fields do not filter. */
    public record Query(
            @Nullable AlertState state,
            @Nullable String ruleId,
            @Nullable String kind,
            @Nullable String subject,
            @Nullable String priority,
            Clearance clearance) {}

    /** Another change came first: re-read and try again. */
    public static final class ConcurrentChangeException extends RuntimeException {

        public ConcurrentChangeException(String id) {
            super("alert " + id + " was changed by someone else in the meantime: re-read it and try again");
        }
    }

    private final MongoCollection<Document> alerts;

    public AlertRepository(MongoDatabase database) {
        this.alerts = database.getCollection(COLLECTION);
    }

    public void ensureIndexes() {
        alerts.createIndex(Indexes.ascending(AlertDocuments.OPEN_KEY), new IndexOptions().unique(true));
        alerts.createIndex(Indexes.ascending(AlertDocuments.GROUP, AlertDocuments.CLOSED));
        alerts.createIndex(Indexes.descending(AlertDocuments.UPDATED));
    }

    public Optional<Alert> find(String id) {
        return Optional.ofNullable(alerts.find(Filters.eq("_id", id)).first()).map(AlertDocuments::read);
    }

    /** The open alert of a development, if there is one. */
    public Optional<Alert> findOpen(String groupKey) {
        return Optional.ofNullable(alerts.find(Filters.eq(AlertDocuments.OPEN_KEY, groupKey))
                        .first())
                .map(AlertDocuments::read);
    }

    /** The development's most recently closed alert, if any. */
    public Optional<Alert> lastClosed(String groupKey) {
        return Optional.ofNullable(alerts.find(Filters.and(
                                Filters.eq(AlertDocuments.GROUP, groupKey), Filters.ne(AlertDocuments.CLOSED, null)))
                        .sort(Sorts.descending(AlertDocuments.CLOSED))
                        .first())
                .map(AlertDocuments::read);
    }

    /**
     * Stores a new alert; false when the development already has an open alert (another instance raised it first).
     */
    public boolean insert(Alert alert) {
        try {
            alerts.insertOne(AlertDocuments.write(alert));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces the alert stored under {@code previousVersion} with {@code changed} (whose version must be the next).
     *
     * @throws ConcurrentChangeException when the stored alert is no longer at that version
     */
    public void replace(Alert changed, long previousVersion) {
        if (changed.version() != previousVersion + 1) {
            throw new IllegalArgumentException("the changed alert must carry version " + (previousVersion + 1));
        }
        if (alerts.replaceOne(
                                Filters.and(
                                        Filters.eq("_id", changed.id()),
                                        Filters.eq(AlertDocuments.VERSION, previousVersion)),
                                AlertDocuments.write(changed))
                        .getMatchedCount()
                == 0) {
            throw new ConcurrentChangeException(changed.id());
        }
    }

    /** A page of the alerts matching the query that the clearance allows, most recently changed first. */
    public List<Alert> page(Query query, int page, int size) {
        List<Alert> found = new ArrayList<>();
        alerts.find(filter(query))
                .sort(Sorts.orderBy(Sorts.descending(AlertDocuments.UPDATED), Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .forEach(d -> found.add(AlertDocuments.read(d)));
        return found;
    }

    public long count(Query query) {
        return alerts.countDocuments(filter(query));
    }

    /** Every alert, oldest first (for exports and digests). */
    public List<Alert> all(Clearance clearance) {
        List<Alert> found = new ArrayList<>();
        alerts.find(cleared(clearance))
                .sort(Sorts.ascending("raisedAt", "_id"))
                .forEach(d -> found.add(AlertDocuments.read(d)));
        return found;
    }

    private static Bson filter(Query q) {
        List<Bson> all = new ArrayList<>();
        all.add(cleared(q.clearance()));
        if (q.state() != null) {
            all.add(Filters.eq(AlertDocuments.STATE, q.state().name()));
        }
        if (q.ruleId() != null) {
            all.add(Filters.eq(AlertDocuments.RULE, q.ruleId()));
        }
        if (q.kind() != null) {
            all.add(Filters.eq(AlertDocuments.SUBJECT_KIND, q.kind()));
        }
        if (q.subject() != null) {
            all.add(Filters.eq(AlertDocuments.SUBJECT_ID, q.subject()));
        }
        if (q.priority() != null) {
            all.add(Filters.eq(AlertDocuments.PRIORITY, q.priority()));
        }
        return Filters.and(all);
    }

    static Bson cleared(Clearance clearance) {
        return Markings.and(new org.bson.Document(), clearance);
    }
}
