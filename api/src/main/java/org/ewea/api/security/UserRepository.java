package org.ewea.api.security;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/** The {@code users} collection, by username. All calls block. */
public final class UserRepository {

    public static final String COLLECTION = "users";

    private final MongoCollection<Document> users;

    private static final String MAX_HANDLING = "maxHandling";

    public UserRepository(MongoDatabase database) {
        this.users = database.getCollection(COLLECTION);
    }

    /** Stores a new user; false if the username is taken. */
    public boolean insert(User user) {
        try {
            users.insertOne(new Document("_id", user.username())
                    .append(
                            "roles",
                            user.roles().stream().map(Role::name).sorted().toList())
                    .append("maxTlp", user.maxTlp().name())
                    .append(MAX_HANDLING, Markings.handlingDocument(user.maxHandling()))
                    .append("created", Date.from(user.created())));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<User> find(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first())
                .map(UserRepository::user);
    }

    public List<User> all() {
        List<User> all = new ArrayList<>();
        users.find().sort(Sorts.ascending("_id")).forEach(d -> all.add(user(d)));
        return all;
    }

    /**
     * Stores or updates a user signed in through an identity provider (roles and clearance as its token says);
     * false when a local user of that name exists (an external sign-in never takes over a local account).
     */
    public boolean upsertExternal(User user, String provider) {
        Document existing = users.find(Filters.eq("_id", user.username())).first();
        if (existing != null && existing.getString("provider") == null) {
            return false;
        }
        users.replaceOne(
                Filters.eq("_id", user.username()),
                new Document("_id", user.username())
                        .append(
                                "roles",
                                user.roles().stream().map(Role::name).sorted().toList())
                        .append("maxTlp", user.maxTlp().name())
                        .append(MAX_HANDLING, Markings.handlingDocument(user.maxHandling()))
                        .append("created", existing != null ? existing.getDate("created") : Date.from(user.created()))
                        .append("provider", provider),
                new ReplaceOptions().upsert(true));
        return true;
    }

    /** Sets (or replaces) a user's password hash; false when there is no such user. */
    public boolean setPasswordHash(String username, String hash) {
        return users.updateOne(Filters.eq("_id", username), Updates.set("passwordHash", hash))
                        .getMatchedCount()
                == 1;
    }

    /** The user's password hash, if a password was set. */
    public Optional<String> passwordHash(String username) {
        return Optional.ofNullable(users.find(Filters.eq("_id", username)).first())
                .map(d -> d.getString("passwordHash"));
    }

    public boolean isEmpty() {
        return users.find().limit(1).first() == null;
    }

    private static User user(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        d.getList("roles", String.class).forEach(r -> roles.add(Role.valueOf(r)));
        Document handling = d.get(MAX_HANDLING, Document.class);
        // users stored before handling codes existed are cleared for material without a handling code only
        return new User(
                d.getString("_id"),
                roles,
                Tlp.valueOf(d.getString("maxTlp")),
                handling == null ? Handling.NONE : Markings.handling(new Document(Markings.HANDLING, handling)),
                d.getDate("created").toInstant());
    }

    /**
     * Changes a user's roles and clearance (null fields stay as they are); the changed user, or empty when there is
     * no such user.
     */
    public Optional<User> update(
            String username, @Nullable Set<Role> roles, @Nullable Tlp maxTlp, @Nullable Handling maxHandling) {
        List<Bson> changes = new ArrayList<>();
        if (roles != null) {
            changes.add(
                    Updates.set("roles", roles.stream().map(Role::name).sorted().toList()));
        }
        if (maxTlp != null) {
            changes.add(Updates.set("maxTlp", maxTlp.name()));
        }
        if (maxHandling != null) {
            changes.add(Updates.set(MAX_HANDLING, Markings.handlingDocument(maxHandling)));
        }
        if (!changes.isEmpty()
                && users.updateOne(Filters.eq("_id", username), Updates.combine(changes))
                                .getMatchedCount()
                        == 0) {
            return Optional.empty();
        }
        return find(username);
    }
}
