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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Tlp;
import org.ewea.scoring.signal.DerivedSeries;
import org.ewea.scoring.signal.MarkingParts;
import org.ewea.scoring.signal.SignalPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name-like terms per day ({@code term_days}: {@code _id "<term>|<yyyy-MM-dd>"}, items, distinct sources, the
 * sources where it opened a line as its speaker) and each
 * term's first day and written form ({@code term_index}), updated incrementally as items are stored. All calls
 * block.
 *
 * <p>As the signal series do, both keep their counts per marking too ({@code parts}: one per TLP and handling code
 * of the items counted), so that a reader's candidates ({@link #readBy(Clearance)}) come from the items they may
 * read only.
 */
public final class TermRepository implements DerivedSeries {

    public static final String DAYS = "term_days";
    public static final String INDEX = "term_index";

    /** A term's days in a window, summed. */
    public record TermWindow(
            String term,
            long items,
            Set<String> sources,
            int days,
            Set<String> speakerSources,
            Set<String> besideSources) {

        public TermWindow(String term, long items, Set<String> sources, int days, Set<String> speakerSources) {
            this(term, items, sources, days, speakerSources, Set.of());
        }
    }

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> index;
    private final TermExtractor extractor;
    private final Clearance clearance;

    public TermRepository(MongoDatabase database, TermExtractor extractor) {
        this(database.getCollection(DAYS), database.getCollection(INDEX), extractor, Clearance.FULL);
    }

    private TermRepository(
            MongoCollection<Document> days,
            MongoCollection<Document> index,
            TermExtractor extractor,
            Clearance clearance) {
        this.days = days;
        this.index = index;
        this.extractor = extractor;
        this.clearance = clearance;
    }

    /** The terms as a reader with {@code reader} clearance may see them (reads only). */
    public TermRepository readBy(Clearance reader) {
        return reader.equals(clearance) ? this : new TermRepository(days, index, extractor, reader);
    }

    private Stream<Document> permittedParts(Document d) {
        return MarkingParts.permitted(d, clearance);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TermRepository.class);

    public void ensureIndexes() {
        days.createIndex(Indexes.ascending("day"));
    }

    @Override
    public void record(List<AnnotatedItem> stored) {
        record Key(String term, LocalDate day, String part) {}
        Map<String, AnnotatedItem> markings = new HashMap<>();
        Map<Key, long[]> counts = new HashMap<>();
        Map<Key, Set<String>> sources = new HashMap<>();
        Map<Key, Set<String>> speakers = new HashMap<>();
        Map<Key, Set<String>> besides = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, Map<String, LocalDate>> firstByPart = new HashMap<>();
        for (AnnotatedItem a : stored) {
            String part = MarkingParts.of(a.item());
            markings.putIfAbsent(part, a);
            LocalDate day = a.item().effectiveTime().atZone(ZoneOffset.UTC).toLocalDate();
            Map<String, TermExtractor.Term> found;
            try {
                found = extractor.terms(a.item().title(), a.item().text());
            } catch (RuntimeException | StackOverflowError e) {
                // one hostile text must not keep the other items of its batch out of the term counts
                LOG.warn(
                        "Item {} was left out of the novel-term counts: its text could not be read for names ({})",
                        a.item().id(),
                        e.toString());
                continue;
            }
            found.values().forEach(t -> {
                Key key = new Key(t.key(), day, part);
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                sources.computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .add(a.item().sourceId().value());
                Set<String> spoke = speakers.computeIfAbsent(key, k -> new LinkedHashSet<>());
                if (t.speaker()) {
                    spoke.add(a.item().sourceId().value());
                }
                Set<String> beside = besides.computeIfAbsent(key, k -> new LinkedHashSet<>());
                if (t.beside()) {
                    beside.add(a.item().sourceId().value());
                }
                labels.putIfAbsent(t.key(), t.label());
                first.merge(t.key(), day, (x, y) -> x.isBefore(y) ? x : y);
                firstByPart
                        .computeIfAbsent(t.key(), k -> new HashMap<>())
                        .merge(part, day, (x, y) -> x.isBefore(y) ? x : y);
            });
        }
        if (counts.isEmpty()) {
            return;
        }
        record Day(String term, LocalDate day) {}
        Map<Day, Document> incs = new LinkedHashMap<>();
        Map<Day, Document> sets = new HashMap<>();
        Map<Day, Document> addToSets = new HashMap<>();
        Map<Day, Set<String>> allSources = new HashMap<>();
        Map<Day, Set<String>> allSpeakers = new HashMap<>();
        Map<Day, Set<String>> allBesides = new HashMap<>();
        counts.forEach((key, n) -> {
            Day day = new Day(key.term(), key.day());
            String p = "parts." + key.part() + ".";
            Document inc = incs.computeIfAbsent(day, d -> new Document("items", 0L));
            inc.put("items", inc.getLong("items") + n[0]);
            inc.append(p + "items", n[0]);
            var marking = markings.get(key.part()).item();
            sets.computeIfAbsent(day, d -> new Document())
                    .append(p + "tlp", marking.tlp().name())
                    .append(p + "restriction", marking.handling().restriction());
            addToSets
                    .computeIfAbsent(day, d -> new Document())
                    .append(p + "sources", new Document("$each", new ArrayList<>(sources.get(key))))
                    .append(p + "speakerSources", new Document("$each", new ArrayList<>(speakers.get(key))))
                    .append(p + "besideSources", new Document("$each", new ArrayList<>(besides.get(key))));
            allSources.computeIfAbsent(day, d -> new LinkedHashSet<>()).addAll(sources.get(key));
            allSpeakers.computeIfAbsent(day, d -> new LinkedHashSet<>()).addAll(speakers.get(key));
            allBesides.computeIfAbsent(day, d -> new LinkedHashSet<>()).addAll(besides.get(key));
        });
        List<WriteModel<Document>> dayWrites = new ArrayList<>();
        incs.forEach((day, inc) -> dayWrites.add(new UpdateOneModel<>(
                new Document("_id", day.term() + "|" + day.day()),
                new Document("$inc", inc)
                        .append("$set", sets.get(day))
                        .append(
                                "$addToSet",
                                addToSets
                                        .get(day)
                                        .append("sources", new Document("$each", new ArrayList<>(allSources.get(day))))
                                        .append(
                                                "speakerSources",
                                                new Document("$each", new ArrayList<>(allSpeakers.get(day))))
                                        .append(
                                                "besideSources",
                                                new Document("$each", new ArrayList<>(allBesides.get(day)))))
                        .append(
                                "$setOnInsert",
                                new Document("term", day.term())
                                        .append("day", day.day().toString())),
                new UpdateOptions().upsert(true))));
        days.bulkWrite(dayWrites);
        List<WriteModel<Document>> indexWrites = new ArrayList<>();
        first.forEach((term, day) -> {
            Document min = new Document("firstSeen", day.toString());
            firstByPart
                    .get(term)
                    .forEach((part, partDay) -> min.append("parts." + part + ".firstSeen", partDay.toString()));
            Document set = new Document();
            firstByPart.get(term).keySet().forEach(part -> {
                var marking = markings.get(part).item();
                set.append("parts." + part + ".tlp", marking.tlp().name())
                        .append(
                                "parts." + part + ".restriction",
                                marking.handling().restriction());
            });
            indexWrites.add(new UpdateOneModel<>(
                    new Document("_id", term),
                    new Document("$min", min)
                            .append("$set", set)
                            .append("$setOnInsert", new Document("label", labels.get(term))),
                    new UpdateOptions().upsert(true)));
        });
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
        Map<String, Set<String>> besides = new HashMap<>();
        days.find(Filters.and(Filters.gte("day", from.toString()), Filters.lte("day", to.toString())))
                .forEach(whole -> {
                    String term = whole.getString("term");
                    List<Document> seen = clearance.full()
                            ? List.of(whole)
                            : permittedParts(whole).toList();
                    if (seen.isEmpty()) {
                        return;
                    }
                    active.computeIfAbsent(term, k -> new int[1])[0]++;
                    for (Document d : seen) {
                        items.computeIfAbsent(term, k -> new long[1])[0] += ((Number) d.get("items")).longValue();
                        sources.computeIfAbsent(term, k -> new LinkedHashSet<>())
                                .addAll(d.getList("sources", String.class, List.of()));
                        speakers.computeIfAbsent(term, k -> new LinkedHashSet<>())
                                .addAll(d.getList("speakerSources", String.class, List.of()));
                        besides.computeIfAbsent(term, k -> new LinkedHashSet<>())
                                .addAll(d.getList("besideSources", String.class, List.of()));
                    }
                });
        Map<String, TermWindow> window = new HashMap<>();
        items.forEach((term, n) -> window.put(
                term,
                new TermWindow(
                        term,
                        n[0],
                        Set.copyOf(sources.get(term)),
                        active.get(term)[0],
                        Set.copyOf(speakers.get(term)),
                        Set.copyOf(besides.get(term)))));
        return window;
    }

    /**
     * A term's days from {@code from} to {@code to} inclusive as signal points (items and distinct sources, of the items
     * the reader may read; weighted like counts, since terms keep no grades), oldest first; days without a mention are
     * left out. An item counts as dark-web when every source of its day is one of {@code darkWebSources}. Reads by
     * {@code _id} only.
     */
    public List<SignalPoint> daily(String term, LocalDate from, LocalDate to, Set<String> darkWebSources) {
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(term + "|" + d);
        }
        List<SignalPoint> points = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            days.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + 500))))
                    .forEach(whole -> {
                        List<Document> seen = clearance.full()
                                ? List.of(whole)
                                : permittedParts(whole).toList();
                        long n = 0;
                        Set<String> daySources = new LinkedHashSet<>();
                        for (Document d : seen) {
                            n += ((Number) d.get("items", 0L)).longValue();
                            daySources.addAll(d.getList("sources", String.class, List.of()));
                        }
                        if (n > 0) {
                            boolean dark = !daySources.isEmpty() && darkWebSources.containsAll(daySources);
                            points.add(new SignalPoint(
                                    LocalDate.parse(whole.getString("day")),
                                    n,
                                    n,
                                    daySources,
                                    Map.of(),
                                    0,
                                    Map.of(),
                                    dark ? n : 0));
                        }
                    });
        }
        points.sort(Comparator.comparing(SignalPoint::day));
        return points;
    }

    /** The marking and handling restriction of the items a term was counted in on some days. */
    public record PartMarking(Tlp tlp, double restriction) {}

    /**
     * The markings of every item counted for a term between {@code from} and {@code to} inclusive (of those the reader
     * may read): what a line quoting its counts must be marked with at least. A day counted before parts were kept is
     * RED with every handling code.
     */
    public Set<PartMarking> markings(String term, LocalDate from, LocalDate to) {
        Set<PartMarking> found = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(term + "|" + d);
        }
        days.find(Filters.in("_id", ids)).forEach(d -> {
            if (d.get("parts", Document.class) == null) {
                found.add(new PartMarking(Tlp.RED, 1.0));
                return;
            }
            (clearance.full()
                            ? d.get("parts", Document.class).values().stream()
                                    .filter(Document.class::isInstance)
                                    .map(Document.class::cast)
                            : permittedParts(d))
                    .forEach(part -> found.add(new PartMarking(
                            Tlp.valueOf(part.getString("tlp")),
                            ((Number) part.get("restriction", 0.0)).doubleValue())));
        });
        return found;
    }

    /** First day and written form of each of the terms (those known). */
    public Map<String, Document> index(Set<String> terms) {
        Map<String, Document> found = new HashMap<>();
        List<String> list = new ArrayList<>(terms);
        for (int i = 0; i < list.size(); i += 500) {
            index.find(Filters.in("_id", list.subList(i, Math.min(list.size(), i + 500))))
                    .forEach(d -> {
                        if (clearance.full()) {
                            found.put(d.getString("_id"), d);
                            return;
                        }
                        // the reader's first day: the earliest of the markings they may read
                        permittedParts(d)
                                .map(part -> part.getString("firstSeen"))
                                .filter(Objects::nonNull)
                                .min(String::compareTo)
                                .ifPresent(first -> found.put(
                                        d.getString("_id"),
                                        new Document("_id", d.getString("_id"))
                                                .append("label", d.getString("label"))
                                                .append("firstSeen", first)));
                    });
        }
        return found;
    }
}
