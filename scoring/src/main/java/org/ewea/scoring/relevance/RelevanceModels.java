package org.ewea.scoring.relevance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;

/**
 * Retrained relevance models ({@code relevance_models}): what each was trained on, its cross-validated metrics, and
 * its weights (the {@link RelevanceWeights} file format, a few hundred kilobytes). Stored unapproved; the service
 * scores with the latest approved one, else the model shipped in the jar. All calls block.
 */
public final class RelevanceModels {

    public static final String COLLECTION = "relevance_models";

    /**
     * A retrained model without its weights.
     *
     * @param id the model id (stored with every item it scores)
     * @param created when it was trained
     * @param createdBy who trained it
     * @param ctiAnnExamples CTI-ANN posts it learnt from
     * @param feedbackExamples items with an analysts' label it learnt from
     * @param feedbackPositives of them judged threat-relevant
     * @param metrics cross-validated figures (see {@link RelevanceRetraining})
     * @param weights non-zero weights
     * @param approved when it was approved, or null
     * @param approvedBy who approved it, or null
     */
    public record Info(
            String id,
            Instant created,
            String createdBy,
            int ctiAnnExamples,
            int feedbackExamples,
            int feedbackPositives,
            Map<String, Double> metrics,
            int weights,
            @Nullable Instant approved,
            @Nullable String approvedBy) {

        public Info {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    private final MongoCollection<Document> models;

    public RelevanceModels(MongoDatabase database) {
        this.models = database.getCollection(COLLECTION);
    }

    public void ensureIndexes() {
        models.createIndex(Indexes.descending("approved"));
    }

    public void save(Info info, RelevanceWeights weights) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            weights.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        models.insertOne(new Document("_id", info.id())
                .append("created", Date.from(info.created()))
                .append("createdBy", info.createdBy())
                .append("ctiAnnExamples", info.ctiAnnExamples())
                .append("feedbackExamples", info.feedbackExamples())
                .append("feedbackPositives", info.feedbackPositives())
                .append("metrics", new Document(new LinkedHashMap<>(info.metrics())))
                .append("weightCount", info.weights())
                .append("weights", new Binary(bytes.toByteArray())));
    }

    /** Every retrained model, newest first. */
    public List<Info> all() {
        List<Info> found = new ArrayList<>();
        models.find()
                .projection(Projections.exclude("weights"))
                .sort(Indexes.descending("created"))
                .forEach(d -> found.add(info(d)));
        return found;
    }

    public Optional<Info> find(String id) {
        return Optional.ofNullable(models.find(Filters.eq("_id", id))
                        .projection(Projections.exclude("weights"))
                        .first())
                .map(RelevanceModels::info);
    }

    /** Marks a model approved; answers false when there is no such model. */
    public boolean approve(String id, String user, Instant at) {
        return models.updateOne(
                                Filters.eq("_id", id),
                                Updates.combine(
                                        Updates.set("approved", Date.from(at)), Updates.set("approvedBy", user)))
                        .getMatchedCount()
                == 1;
    }

    /** The id of the latest approved model, if any (without reading its weights). */
    public Optional<String> latestApprovedId() {
        return Optional.ofNullable(models.find(Filters.exists("approved"))
                        .projection(Projections.include("_id"))
                        .sort(Indexes.descending("approved"))
                        .first())
                .map(d -> d.getString("_id"));
    }

    /** The weights of the latest approved model, if any. */
    public Optional<RelevanceWeights> latestApproved() {
        Document d = models.find(Filters.exists("approved"))
                .sort(Indexes.descending("approved"))
                .first();
        if (d == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(RelevanceWeights.read(
                    new ByteArrayInputStream(d.get("weights", Binary.class).getData())));
        } catch (IOException e) {
            throw new UncheckedIOException("relevance model " + d.getString("_id") + " is unreadable", e);
        }
    }

    private static Info info(Document d) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        d.get("metrics", Document.class).forEach((k, v) -> metrics.put(k, ((Number) v).doubleValue()));
        Date approved = d.getDate("approved");
        return new Info(
                d.getString("_id"),
                d.getDate("created").toInstant(),
                d.getString("createdBy"),
                d.getInteger("ctiAnnExamples"),
                d.getInteger("feedbackExamples"),
                d.getInteger("feedbackPositives"),
                metrics,
                d.getInteger("weightCount"),
                approved == null ? null : approved.toInstant(),
                d.getString("approvedBy"));
    }
}
