package org.ewea.scoring.warning;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code models} collection: every trained early-warning model, by id, with the one the repository ships as the
 * fallback. The service scores with the latest approved model (by creation time); a fresh install has none and uses
 * the shipped default. All calls block.
 */
public final class ModelRegistry {

    public static final String COLLECTION = "models";
    /** The model shipped in the jar, trained only from redistributable data (see docs/evaluation.md). */
    public static final String DEFAULT_RESOURCE = "/org/ewea/scoring/warning/default-model.json";

    private final MongoCollection<Document> models;
    private final JsonMapper json;
    private final WarningModelFile shipped;

    public ModelRegistry(MongoDatabase database, JsonMapper json) {
        this.models = database.getCollection(COLLECTION);
        this.json = json;
        this.shipped = shipped(json);
    }

    /** The model file shipped in the jar. */
    public static WarningModelFile shipped(JsonMapper json) {
        try (InputStream in = ModelRegistry.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default model " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return json.readValue(in, WarningModelFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void ensureIndexes() {
        models.createIndex(Indexes.ascending("approved", "created"));
    }

    /** Stores (or replaces) a model file. */
    public void save(WarningModelFile file) {
        Document doc = Document.parse(json.writeValueAsString(file)).append("_id", file.id());
        models.replaceOne(Filters.eq("_id", file.id()), doc, new ReplaceOptions().upsert(true));
    }

    public Optional<WarningModelFile> find(String id) {
        if (id.equals(shipped.id())) {
            return Optional.of(shipped);
        }
        return Optional.ofNullable(models.find(Filters.eq("_id", id)).first()).map(this::read);
    }

    /** The model to score with: the latest approved one stored, else the shipped default. */
    public WarningModelFile current() {
        return Optional.ofNullable(models.find(Filters.eq("approved", true))
                        .sort(Sorts.descending("created"))
                        .first())
                .map(this::read)
                .orElse(shipped);
    }

    /** Every stored model, newest first, then the shipped default. */
    public List<WarningModelFile> all() {
        List<WarningModelFile> all = new ArrayList<>();
        models.find().sort(Sorts.descending("created")).forEach(d -> all.add(read(d)));
        all.add(shipped);
        return all;
    }

    private WarningModelFile read(Document doc) {
        doc.remove("_id");
        return json.readValue(doc.toJson(), WarningModelFile.class);
    }
}
