package org.ewea.alerts.digest;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The digest archive ({@code digests}): what each digest said, as JSON, rendered per reader. All calls block. */
public final class DigestRepository {

    public static final String COLLECTION = "digests";

    private final MongoCollection<Document> digests;
    private final JsonMapper json = JsonMapper.builder().build();

    public DigestRepository(MongoDatabase database) {
        this.digests = database.getCollection(COLLECTION);
    }

    /** Archives a digest unless one with its id exists (a weekly run seen by two instances); true when stored. */
    public boolean insertIfAbsent(String id, DigestContent content) {
        try {
            digests.insertOne(new Document("_id", id)
                    .append("audience", content.audience())
                    .append("from", content.from().toString())
                    .append("to", content.to().toString())
                    .append("created", Date.from(content.created()))
                    .append("createdBy", content.createdBy())
                    .append("content", json.writeValueAsString(content)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<DigestContent> content(String id) {
        return Optional.ofNullable(digests.find(Filters.eq("_id", id)).first())
                .map(d -> json.readValue(d.getString("content"), DigestContent.class));
    }

    /** A page of the archive, newest first, of one audience or all. */
    public List<Digest> page(@Nullable String audience, int page, int size) {
        List<Digest> found = new ArrayList<>();
        digests.find(audience == null ? new Document() : Filters.eq("audience", audience))
                .projection(Projections.exclude("content"))
                .sort(Sorts.descending("created", "_id"))
                .skip(page * size)
                .limit(size)
                .forEach(d -> found.add(new Digest(
                        d.getString("_id"),
                        d.getString("audience"),
                        LocalDate.parse(d.getString("from")),
                        LocalDate.parse(d.getString("to")),
                        d.getDate("created").toInstant(),
                        d.getString("createdBy"))));
        return found;
    }

    public long count(@Nullable String audience) {
        return digests.countDocuments(audience == null ? new Document() : Filters.eq("audience", audience));
    }
}
