package org.ewea.collectors.source;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.SourceId;
import org.jspecify.annotations.Nullable;

/** The {@code sources} collection, owned by the collectors. All calls block. */
public final class SourceRepository {

    public static final String COLLECTION = "sources";

    private final MongoCollection<Document> sources;
    private final SecretSeal seal;

    /**
     * A repository whose credentials are sealed with a key for this process only ({@link SecretSeal#ephemeral()}):
     * for tests and scratch stores.
     */
    public SourceRepository(MongoDatabase database) {
        this(database, SecretSeal.ephemeral());
    }

    /** @param seal seals the credentials in source URLs and proxies (the service's secrets key) */
    public SourceRepository(MongoDatabase database, SecretSeal seal) {
        this.sources = database.getCollection(COLLECTION);
        this.seal = seal;
    }

    public void ensureIndexes() {
        sources.createIndex(Indexes.ascending("url"), new IndexOptions().name("url"));
        sources.createIndex(Indexes.ascending("enabled"), new IndexOptions().name("enabled"));
    }

    /**
     * Adds a new source.
     *
     * @throws DuplicateSourceException when a source with this id exists
     */
    public void create(Source source) {
        try {
            sources.insertOne(SourceDocuments.toDocument(source, seal));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateSourceException(source.id());
            }
            throw e;
        }
    }

    /** Replaces an existing source; false when there is none with its id. */
    public boolean replace(Source source) {
        return sources.replaceOne(eq("_id", source.id().value()), SourceDocuments.toDocument(source, seal))
                        .getMatchedCount()
                == 1;
    }

    public boolean delete(SourceId id) {
        return sources.deleteOne(eq("_id", id.value())).getDeletedCount() == 1;
    }

    public Optional<Source> find(SourceId id) {
        return Optional.ofNullable(sources.find(eq("_id", id.value())).first())
                .map(d -> SourceDocuments.fromDocument(d, seal));
    }

    /**
     * One page of sources by id, filtered by kind and enabled flag when given, and by {@code q} (a plain substring of
     * id, title or URL, case ignored; never interpreted as a query operator or pattern).
     */
    public List<Source> page(
            @Nullable String q, @Nullable SourceKind kind, @Nullable Boolean enabled, int page, int size) {
        return page(q, kind, enabled, page, size, Clearance.FULL);
    }

    /** As {@link #page(String, SourceKind, Boolean, int, int)}, of the sources {@code clearance} permits only. */
    public List<Source> page(
            @Nullable String q,
            @Nullable SourceKind kind,
            @Nullable Boolean enabled,
            int page,
            int size,
            Clearance clearance) {
        List<Source> result = new ArrayList<>();
        sources.find(Markings.and(filter(q, kind, enabled), clearance))
                .sort(Sorts.ascending("_id"))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .forEach(d -> result.add(SourceDocuments.fromDocument(d, seal)));
        return result;
    }

    public long count(@Nullable String q, @Nullable SourceKind kind, @Nullable Boolean enabled) {
        return count(q, kind, enabled, Clearance.FULL);
    }

    /** As {@link #count(String, SourceKind, Boolean)}, of the sources {@code clearance} permits only. */
    public long count(@Nullable String q, @Nullable SourceKind kind, @Nullable Boolean enabled, Clearance clearance) {
        Bson filter = Markings.and(filter(q, kind, enabled), clearance);
        return q == null && kind == null && enabled == null && clearance.full()
                ? sources.estimatedDocumentCount()
                : sources.countDocuments(filter);
    }

    /** Every source {@code clearance} permits, by id. */
    public List<Source> all(Clearance clearance) {
        List<Source> result = new ArrayList<>();
        sources.find(Markings.and(filter(null, null, null), clearance))
                .sort(Sorts.ascending("_id"))
                .forEach(d -> result.add(SourceDocuments.fromDocument(d, seal)));
        return result;
    }

    /** All enabled sources, for the scheduler. */
    public List<Source> enabled() {
        List<Source> result = new ArrayList<>();
        sources.find(eq("enabled", true)).forEach(d -> result.add(SourceDocuments.fromDocument(d, seal)));
        return result;
    }

    /** Which of these URLs are already the URL of a source. */
    public Set<String> existingUrls(Collection<String> urls) {
        // URLs are stored masked: compare masked forms, answer with the URLs asked about
        Map<String, List<String>> byMasked = new HashMap<>();
        for (String url : urls) {
            String masked;
            try {
                masked = SecretUrls.masked(URI.create(url));
            } catch (IllegalArgumentException e) {
                masked = url;
            }
            byMasked.computeIfAbsent(masked, k -> new ArrayList<>()).add(url);
        }
        Set<String> existing = new HashSet<>();
        if (!byMasked.isEmpty()) {
            sources.find(in("url", byMasked.keySet()))
                    .forEach(d -> existing.addAll(byMasked.getOrDefault(d.getString("url"), List.of())));
        }
        return existing;
    }

    /** Which of these ids are taken. */
    public Set<String> existingIds(Collection<String> ids) {
        Set<String> existing = new HashSet<>();
        if (!ids.isEmpty()) {
            sources.find(in("_id", ids)).forEach(d -> existing.add(d.getString("_id")));
        }
        return existing;
    }

    /**
     * Inserts all of them or none: on a failure part-way the ones inserted by this call are removed again, and the
     * failure is rethrown. (The embedded store has no multi-document transactions; this is the equivalent.)
     */
    public void insertAll(List<Source> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Document> documents =
                batch.stream().map(s -> SourceDocuments.toDocument(s, seal)).toList();
        List<String> ids = documents.stream().map(d -> d.getString("_id")).toList();
        Set<String> taken = existingIds(ids);
        if (!taken.isEmpty()) {
            throw new DuplicateSourceException(new SourceId(taken.iterator().next()));
        }
        try {
            sources.insertMany(documents, new InsertManyOptions().ordered(true));
        } catch (RuntimeException e) {
            // Remove exactly what this call added: none of these ids existed before it.
            sources.deleteMany(in("_id", ids));
            throw e;
        }
    }

    private static Bson filter(@Nullable String q, @Nullable SourceKind kind, @Nullable Boolean enabled) {
        List<Bson> filters = new ArrayList<>();
        if (q != null && !q.isBlank()) {
            Pattern literal = Pattern.compile(Pattern.quote(q.strip()), Pattern.CASE_INSENSITIVE);
            filters.add(Filters.or(
                    Filters.regex("_id", literal), Filters.regex("title", literal), Filters.regex("url", literal)));
        }
        if (kind != null) {
            filters.add(eq("kind", kind.id()));
        }
        if (enabled != null) {
            filters.add(eq("enabled", enabled));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }
}
