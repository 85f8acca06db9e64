package org.ewea.alerts.action;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/** Early actions ({@code early_actions}), one per alert and recommendation. All calls block. */
public final class ActionRepository {

    public static final String COLLECTION = "early_actions";

    /** Filters of a listing; null fields do not filter. */
    public record Query(
            @Nullable ActionStatus status,
            @Nullable String audience,
            @Nullable String alertId,
            @Nullable String owner,
            Clearance clearance) {}

    private final MongoCollection<Document> actions;

    public ActionRepository(MongoDatabase database) {
        this.actions = database.getCollection(COLLECTION);
    }

    /** Stores the action unless one with its id exists; true when stored. */
    public boolean insertIfAbsent(EarlyAction action) {
        try {
            actions.insertOne(write(action));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<EarlyAction> find(String id) {
        return Optional.ofNullable(actions.find(Filters.eq("_id", id)).first()).map(ActionRepository::read);
    }

    /** Replaces the action stored under {@code previousVersion}; false when it changed meanwhile. */
    public boolean replace(EarlyAction changed, long previousVersion) {
        return actions.replaceOne(
                                Filters.and(Filters.eq("_id", changed.id()), Filters.eq("version", previousVersion)),
                                write(changed))
                        .getMatchedCount()
                == 1;
    }

    /** A page, soonest due first. */
    public List<EarlyAction> page(Query query, int page, int size) {
        List<EarlyAction> found = new ArrayList<>();
        actions.find(filter(query))
                .sort(Sorts.ascending("due", "_id"))
                .skip(page * size)
                .limit(size)
                .forEach(d -> found.add(read(d)));
        return found;
    }

    public long count(Query query) {
        return actions.countDocuments(filter(query));
    }

    private static Bson filter(Query q) {
        List<Bson> all = new ArrayList<>();
        all.add(Markings.and(new Document(), q.clearance()));
        if (q.status() != null) {
            all.add(Filters.eq("status", q.status().name()));
        }
        if (q.audience() != null) {
            all.add(Filters.eq("audience", q.audience()));
        }
        if (q.alertId() != null) {
            all.add(Filters.eq("alertId", q.alertId()));
        }
        if (q.owner() != null) {
            all.add(Filters.eq("owner", q.owner()));
        }
        return Filters.and(all);
    }

    private static Document write(EarlyAction a) {
        return new Document("_id", a.id())
                .append("alertId", a.alertId())
                .append("alertTitle", a.alertTitle())
                .append("recommendationId", a.recommendationId())
                .append("audience", a.audience())
                .append("actionType", a.actionType())
                .append("title", a.title())
                .append("text", a.text())
                .append("owner", a.owner())
                .append("assignee", a.assignee())
                .append("status", a.status().name())
                .append("due", a.due().toString())
                .append("done", a.done())
                .append("category", a.category())
                .append("stage", a.stage())
                .append("tlp", a.tlp().name())
                .append(Markings.HANDLING, Markings.handlingDocument(a.handling()))
                .append("note", a.note())
                .append("createdAt", Date.from(a.createdAt()))
                .append("updatedAt", Date.from(a.updatedAt()))
                .append("version", a.version());
    }

    private static EarlyAction read(Document d) {
        return new EarlyAction(
                d.getString("_id"),
                d.getString("alertId"),
                d.getString("alertTitle"),
                d.getString("recommendationId"),
                d.getString("audience"),
                d.getString("actionType"),
                d.getString("title"),
                d.getString("text"),
                d.getString("owner"),
                d.getString("assignee"),
                ActionStatus.valueOf(d.getString("status")),
                LocalDate.parse(d.getString("due")),
                d.getString("done"),
                d.getString("category"),
                d.getString("stage"),
                Tlp.valueOf(d.getString("tlp")),
                Markings.handling(d),
                d.getString("note"),
                d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant(),
                d.get("version", Number.class).longValue());
    }
}
