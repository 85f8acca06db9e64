package org.ewea.scoring.terms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.scoring.signal.DerivedSeries;

/**
 * Name-like terms per day ({@code term_days}: {@code _id "<term>|<yyyy-MM-dd>"}, items, distinct sources, the
 * sources where it opened a line as its speaker) and each
 * term's first day and written form ({@code term_index}), updated incrementally as items are stored. All calls
 * block.
 */
public final class TermRepository implements DerivedSeries {

    public static final String DAYS = "term_days";
    public static final String INDEX = "term_index";

    /** A term's days in a window, summed. */
    public record TermWindow(String term, long items, Set<String> sources, int days, Set<String> speakerSources) {
    }

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> index;
    private final TermExtractor extractor;

    public TermRepository(MongoDatabase database, TermExtractor extractor) {
        this.days = database.getCollection(DAYS);
        this.index = database.getCollection(INDEX);
        this.extractor = extractor;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TermRepository.class);

    public void ensureIndexes() {
        days.createIndex(Indexes.ascending("day"));
    }

    @Override
    public void record(List<AnnotatedItem> stored) {
        record Key(String term, LocalDate day) {
        }
        Map<Key, long[]> counts = new HashMap<>();
        Map<Key, Set<String>> sources = new HashMap<>();
        Map<Key, Set<String>> speakers = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, LocalDate> first = new HashMap<>();
        for (AnnotatedItem a : stored) {
            LocalDate day = a.item().effectiveTime().atZone(ZoneOffset.UTC).toLocalDate();
            Map<String, TermExtractor.Term> found;
            try {
                found = extractor.terms(a.item().title(), a.item().text());
            } catch (RuntimeException | StackOverflowError e) {
                // one hostile text must not keep the other items of its batch out of the term counts
                LOG.warn("Item {} was left out of the novel-term counts: its text could not be read for names ({})",
                        a.item().id(), e.toString());
                continue;
            }
            found.values().forEach(t -> {
                Key key = new Key(t.key(), day);
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                sources.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(a.item().sourceId().value());
                Set<String> spoke = speakers.computeIfAbsent(key, k -> new LinkedHashSet<>());
                if (t.speaker()) {
                    spoke.add(a.item().sourceId().value());
                }
                labels.putIfAbsent(t.key(), t.label());
                first.merge(t.key(), day, (x, y) -> x.isBefore(y) ? x : y);
            });
        }
        if (counts.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        counts.forEach((key, n) -> dayWrites.add(new UpdateOneModel<>(
                new Document("_id", key.term() + "|" + key.day()),
                new Document("$inc", new Document("items", n[0]))
                        .append("$addToSet", new Document("sources", new Document("$each",
                                new ArrayList<>(sources.get(key)))).append("speakerSources", new Document("$each",
                                new ArrayList<>(speakers.get(key)))))
                        .append("$setOnInsert", new Document("term", key.term()).append("day", key.day().toString())),
                new UpdateOptions().upsert(true))));
        days.bulkWrite(dayWrites);
        List<WriteModel<Document>> indexWrites = new ArrayList<>();
        first.forEach((term, day) -> indexWrites.add(new UpdateOneModel<>(new Document("_id", term),
                new Document("$min", new Document("firstSeen", day.toString()))
                        .append("$setOnInsert", new Document("label", labels.get(term))),
                new UpdateOptions().upsert(true))));
        index.bulkWrite(indexWrites);
    }

    @Override
    public void clear() {
        days.deleteMany(new Document());
        index.deleteMany(new Document());
    }

    /** Every term mentioned between {@code from} and {@code to} inclusive, with its items and sources there. */
    public Map<String, TermWindow> window(LocalDate from, LocalDate to) {
        Map<String, long[]> items = new HashMap<>();
        Map<String, Set<String>> sources = new HashMap<>();
        Map<String, int[]> active = new HashMap<>();
        Map<String, Set<String>> speakers = new HashMap<>();
        days.find(Filters.and(Filters.gte("day", from.toString()), Filters.lte("day", to.toString())))
                .forEach(d -> {
                    String term = d.getString("term");
                    items.computeIfAbsent(term, k -> new long[1])[0] += ((Number) d.get("items")).longValue();
                    sources.computeIfAbsent(term, k -> new LinkedHashSet<>())
                            .addAll(d.getList("sources", String.class, List.of()));
                    active.computeIfAbsent(term, k -> new int[1])[0]++;
                    speakers.computeIfAbsent(term, k -> new LinkedHashSet<>())
                            .addAll(d.getList("speakerSources", String.class, List.of()));
                });
        Map<String, TermWindow> window = new HashMap<>();
        items.forEach((term, n) -> window.put(term, new TermWindow(term, n[0], Set.copyOf(sources.get(term)),
                active.get(term)[0], Set.copyOf(speakers.get(term)))));
        return window;
    }

    /** First day and written form of each of the terms (those known). */
    public Map<String, Document> index(Set<String> terms) {
        Map<String, Document> found = new HashMap<>();
        List<String> list = new ArrayList<>(terms);
        for (int i = 0; i < list.size(); i += 500) {
            index.find(Filters.in("_id", list.subList(i, Math.min(list.size(), i + 500))))
                    .forEach(d -> found.put(d.getString("_id"), d));
        }
        return found;
    }
}
