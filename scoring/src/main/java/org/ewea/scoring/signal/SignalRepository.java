package org.ewea.scoring.signal;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.store.Markings;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.ewea.methodology.stage.CueStatements;

/**
 * The {@code signals} collection, owned by scoring: one document per series and day ({@code _id}
 * {@code "<series>|<yyyy-MM-dd>"}; a series is a taxonomy technology, a tracked entity or all items), updated with
 * {@code $inc} and {@code $addToSet} as items are stored, and read by {@code _id} (fast on every store). All calls
 * block.
 *
 * <p>Every day document keeps its counts twice: over all items (the top-level fields, the service's own picture) and
 * per marking ({@code parts}, one per TLP and handling code of the items counted), so that a reader's picture
 * ({@link #readBy(Clearance)}) is built from the items they may read only: exactly the picture of a store holding
 * only those items.
 */
public final class SignalRepository implements DerivedSeries {

    public static final String COLLECTION = "signals";
    /** The series of all items stored, tagged or not: the denominator of shares and bursts. */
    public static final String ALL_ITEMS = "*";
    /**
     * Entity types that get a series of their own (see {@link #entitySeries}), each with the form of its normalised
     * value (as the collectors' entity extraction writes it).
     */
    public static final Map<String, Pattern> TRACKED_ENTITIES = Map.of(
            "cve", Pattern.compile("CVE-\\d{4}-\\d{4,7}"),
            "attack-group", Pattern.compile("G\\d{4}"),
            "attack-software", Pattern.compile("S\\d{4}"));

    /** The series id of a tracked entity: {@code "<type>:<value>"} (taxonomy ids have no colon). */
    public static String entitySeries(String type, String value) {
        return type + ":" + value;
    }

    private final MongoCollection<Document> signals;
    private final Clearance clearance;
    private final GradeWeights weights;
    private final LexiconMatcher cues;
    private final Function<Set<String>, Set<String>> darkWeb;
    private final Function<AnnotatedItem, Set<String>> extraSeries;

    /** As {@link #SignalRepository(MongoDatabase, GradeWeights, LexiconMatcher, Function)}, no source dark-web. */
    public SignalRepository(MongoDatabase database, GradeWeights weights, LexiconMatcher cues) {
        this(database, weights, cues, ids -> Set.of());
    }

    /**
     * @param cues the methodology's cue phrases (see {@code MethodologyLoader.cues}): an item counts towards each
     *     counted indicator it has a phrase of, in every series it is added to
     * @param darkWebSources of the source ids given, those that are dark-web or underground sources (asked once per
     *     batch of items)
     */
    public SignalRepository(
            MongoDatabase database,
            GradeWeights weights,
            LexiconMatcher cues,
            Function<Set<String>, Set<String>> darkWebSources) {
        this(database, weights, cues, darkWebSources, a -> Set.of());
    }

    /**
     * @param extraSeries further series an item belongs to beyond its tags and tracked entities (the terms analysts
     *     accepted, say); an item counts as focused in them
     */
    public SignalRepository(
            MongoDatabase database,
            GradeWeights weights,
            LexiconMatcher cues,
            Function<Set<String>, Set<String>> darkWebSources,
            Function<AnnotatedItem, Set<String>> extraSeries) {
        this(database.getCollection(COLLECTION), Clearance.FULL, weights, cues, darkWebSources, extraSeries);
    }

    private SignalRepository(
            MongoCollection<Document> signals,
            Clearance clearance,
            GradeWeights weights,
            LexiconMatcher cues,
            Function<Set<String>, Set<String>> darkWebSources,
            Function<AnnotatedItem, Set<String>> extraSeries) {
        this.signals = signals;
        this.clearance = clearance;
        this.weights = weights;
        this.cues = cues;
        this.darkWeb = darkWebSources;
        this.extraSeries = extraSeries;
    }

    /**
     * The series as a reader with {@code clearance} may see them: every read counts only the items of markings and
     * handling codes they are cleared for (writes are the same as this repository's).
     */
    public SignalRepository readBy(Clearance reader) {
        return reader.equals(clearance)
                ? this
                : new SignalRepository(signals, reader, weights, cues, darkWeb, extraSeries);
    }

    /** The clearance this repository reads with ({@link Clearance#FULL} for the service's own picture). */
    public Clearance clearance() {
        return clearance;
    }

    /** The series an item is added to, and those it is focused in. */
    private record Membership(List<String> series, Set<String> focused) {}

    /** An item is about few subjects of a kind when it names at most this many technologies... */
    public static final int FOCUSED_TECHNOLOGIES = 3;
    /** ...or at most this many entities of the series' type. */
    public static final int FOCUSED_ENTITIES = 2;

    /**
     * Adds newly stored items to their technologies' days (an item counts once per technology it mentions), to the
     * series of the tracked entities they mention and to the {@link #ALL_ITEMS} series. An item is counted as
     * focused in a technology's series when it is tagged with at most {@value #FOCUSED_TECHNOLOGIES} technologies, in
     * an entity's when it names at most {@value #FOCUSED_ENTITIES} entities of that type, and always in the
     * all-items series.
     */
    @Override
    public void record(List<AnnotatedItem> stored) {
        write(stored, this::membership);
    }

    /**
     * Adds items to one series only, as focused items (e.g. the history of a term an analyst has just accepted).
     * Items already counted in it would be counted again: call it once per series.
     */
    public void recordInto(String series, List<AnnotatedItem> items) {
        write(items, a -> new Membership(List.of(series), Set.of(series)));
    }

    private Membership membership(AnnotatedItem a) {
        List<String> series = new ArrayList<>();
        Set<String> focusedSeries = new HashSet<>();
        series.add(ALL_ITEMS);
        focusedSeries.add(ALL_ITEMS);
        List<String> technologies = a.annotations().tags().stream()
                .map(ItemAnnotations.Tag::technology)
                .distinct()
                .toList();
        series.addAll(technologies);
        if (technologies.size() <= FOCUSED_TECHNOLOGIES) {
            focusedSeries.addAll(technologies);
        }
        Map<String, List<String>> entitiesByType = new HashMap<>();
        a.annotations().entities().stream()
                .filter(e -> TRACKED_ENTITIES.containsKey(e.type()))
                .map(e -> entitySeries(e.type(), e.value()))
                .distinct()
                .forEach(id -> entitiesByType
                        .computeIfAbsent(id.substring(0, id.indexOf(':')), t -> new ArrayList<>())
                        .add(id));
        entitiesByType.values().forEach(ids -> {
            series.addAll(ids);
            if (ids.size() <= FOCUSED_ENTITIES) {
                focusedSeries.addAll(ids);
            }
        });
        for (String extra : extraSeries.apply(a)) {
            if (!series.contains(extra)) {
                series.add(extra);
                focusedSeries.add(extra);
            }
        }
        return new Membership(series, focusedSeries);
    }

    private void write(List<AnnotatedItem> stored, Function<AnnotatedItem, Membership> memberships) {
        record Key(String technology, LocalDate day, String part) {}
        Map<String, AnnotatedItem> partMarkings = new HashMap<>();
        Map<Key, long[]> counts = new LinkedHashMap<>();
        Map<Key, double[]> weighted = new HashMap<>();
        Map<Key, Set<String>> sources = new HashMap<>();
        Map<Key, Map<String, Long>> cueCounts = new HashMap<>();
        Map<Key, long[]> focused = new HashMap<>();
        Map<Key, long[]> darkWebCounts = new HashMap<>();
        Set<String> darkWebIds = darkWeb.apply(
                stored.stream().map(a -> a.item().sourceId().value()).collect(Collectors.toSet()));
        Map<Key, Map<String, Long>> focusedCueCounts = new HashMap<>();
        for (AnnotatedItem a : stored) {
            Set<String> itemCues = new TreeSet<>();
            itemCues.addAll(CueStatements.stated(
                    cues, a.item().title() + "\n" + a.item().text()));
            LocalDate day = a.item().effectiveTime().atZone(ZoneOffset.UTC).toLocalDate();
            double weight = weights.of(a.item().grading());
            Membership membership = memberships.apply(a);
            List<String> series = membership.series();
            Set<String> focusedSeries = membership.focused();
            String part = MarkingParts.of(a.item());
            partMarkings.putIfAbsent(part, a);
            for (String technology : series) {
                Key key = new Key(technology, day, part);
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                weighted.computeIfAbsent(key, k -> new double[1])[0] += weight;
                sources.computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .add(a.item().sourceId().value());
                Map<String, Long> keyCues = cueCounts.computeIfAbsent(key, k -> new TreeMap<>());
                itemCues.forEach(cue -> keyCues.merge(cue, 1L, Long::sum));
                if (darkWebIds.contains(a.item().sourceId().value())) {
                    darkWebCounts.computeIfAbsent(key, k -> new long[1])[0]++;
                }
                if (focusedSeries.contains(technology)) {
                    focused.computeIfAbsent(key, k -> new long[1])[0]++;
                    Map<String, Long> keyFocusedCues = focusedCueCounts.computeIfAbsent(key, k -> new TreeMap<>());
                    itemCues.forEach(cue -> keyFocusedCues.merge(cue, 1L, Long::sum));
                }
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        record Day(String technology, LocalDate day) {}
        Map<Day, Document> incs = new LinkedHashMap<>();
        Map<Day, Document> sets = new HashMap<>();
        Map<Day, Document> addToSets = new HashMap<>();
        Map<Day, Set<String>> allSources = new HashMap<>();
        counts.forEach((key, count) -> {
            Day day = new Day(key.technology(), key.day());
            Document inc = incs.computeIfAbsent(day, d -> new Document());
            String p = "parts." + key.part() + ".";
            add(inc, "count", count[0]);
            add(inc, p + "count", count[0]);
            add(inc, "weighted", weighted.get(key)[0]);
            add(inc, p + "weighted", weighted.get(key)[0]);
            cueCounts.getOrDefault(key, Map.of()).forEach((cue, n) -> {
                add(inc, "cues." + cue, n);
                add(inc, p + "cues." + cue, n);
            });
            long[] darkWebCount = darkWebCounts.get(key);
            if (darkWebCount != null) {
                add(inc, "darkWeb", darkWebCount[0]);
                add(inc, p + "darkWeb", darkWebCount[0]);
            }
            long[] focusedCount = focused.get(key);
            if (focusedCount != null) {
                add(inc, "focused", focusedCount[0]);
                add(inc, p + "focused", focusedCount[0]);
            }
            focusedCueCounts.getOrDefault(key, Map.of()).forEach((cue, n) -> {
                add(inc, "focusedCues." + cue, n);
                add(inc, p + "focusedCues." + cue, n);
            });
            var marking = partMarkings.get(key.part()).item();
            sets.computeIfAbsent(day, d -> new Document())
                    .append(p + "tlp", marking.tlp().name())
                    .append(p + "restriction", marking.handling().restriction())
                    .append(p + "handling", Markings.handlingDocument(marking.handling()));
            addToSets
                    .computeIfAbsent(day, d -> new Document())
                    .append(p + "sources", new Document("$each", new ArrayList<>(sources.get(key))));
            allSources.computeIfAbsent(day, d -> new LinkedHashSet<>()).addAll(sources.get(key));
        });
        List<WriteModel<Document>> writes = new ArrayList<>();
        incs.forEach((day, inc) -> writes.add(new UpdateOneModel<>(
                new Document("_id", day.technology() + "|" + day.day()),
                new Document("$inc", inc)
                        .append("$set", sets.get(day))
                        .append(
                                "$addToSet",
                                addToSets
                                        .get(day)
                                        .append("sources", new Document("$each", new ArrayList<>(allSources.get(day)))))
                        .append(
                                "$setOnInsert",
                                new Document("technology", day.technology())
                                        .append("day", day.day().toString())),
                new UpdateOptions().upsert(true))));
        signals.bulkWrite(writes);
    }

    private static void add(Document inc, String field, Number n) {
        Object had = inc.get(field);
        if (had == null) {
            inc.append(field, n);
        } else if (n instanceof Double || had instanceof Double) {
            inc.put(field, ((Number) had).doubleValue() + n.doubleValue());
        } else {
            inc.put(field, ((Number) had).longValue() + n.longValue());
        }
    }

    /** Index for {@link #firstSeen}; idempotent. */
    public void ensureIndexes() {
        signals.createIndex(Indexes.ascending("technology", "day"));
        signals.createIndex(Indexes.ascending("day"));
        signals.createIndex(Indexes.ascending("sources"));
    }

    /** The first day the series has a mention, if any. */
    public Optional<LocalDate> firstSeen(String series) {
        if (clearance.full()) {
            return Optional.ofNullable(signals.find(Filters.eq("technology", series))
                            .sort(Sorts.ascending("day"))
                            .limit(1)
                            .first())
                    .map(d -> LocalDate.parse(d.getString("day")));
        }
        for (Document d : signals.find(Filters.eq("technology", series)).sort(Sorts.ascending("day"))) {
            if (visible(d)) {
                return Optional.of(LocalDate.parse(d.getString("day")));
            }
        }
        return Optional.empty();
    }

    /** Whether the reader may see any item counted in the day document. */
    private boolean visible(Document d) {
        return clearance.full() || permittedParts(d).findAny().isPresent();
    }

    private Stream<Document> permittedParts(Document d) {
        return MarkingParts.permitted(d, clearance);
    }

    /**
     * The day the current picture is read on: {@code today}, or the last day with stored items when that is earlier
     * (a replay, or an install that stopped collecting, shows its last picture).
     */
    public LocalDate pictureDay(LocalDate today) {
        return lastDay().filter(last -> last.isBefore(today)).orElse(today);
    }

    /** The last day any item was stored for (the all-items series' last day), if any. */
    public Optional<LocalDate> lastDay() {
        if (clearance.full()) {
            return Optional.ofNullable(signals.find(Filters.eq("technology", ALL_ITEMS))
                            .sort(Sorts.descending("day"))
                            .limit(1)
                            .first())
                    .map(d -> LocalDate.parse(d.getString("day")));
        }
        for (Document d : signals.find(Filters.eq("technology", ALL_ITEMS)).sort(Sorts.descending("day"))) {
            if (visible(d)) {
                return Optional.of(LocalDate.parse(d.getString("day")));
            }
        }
        return Optional.empty();
    }

    /**
     * For every series any of the given sources mentioned, the first day one of them did: when an authoritative
     * source (a catalogue of known threats) first reported it.
     */
    public Map<String, LocalDate> firstMentionedBy(Set<String> sources) {
        Map<String, LocalDate> first = new TreeMap<>();
        if (sources.isEmpty()) {
            return first;
        }
        signals.find(Filters.in("sources", sources))
                .projection(new Document("technology", 1).append("day", 1).append("parts", 1))
                .forEach(doc -> {
                    if (clearance.full()
                            || permittedParts(doc)
                                    .anyMatch(part -> part.getList("sources", String.class, List.of()).stream()
                                            .anyMatch(sources::contains))) {
                        first.merge(
                                doc.getString("technology"),
                                LocalDate.parse(doc.getString("day")),
                                (a, b) -> a.isBefore(b) ? a : b);
                    }
                });
        first.remove(ALL_ITEMS);
        return first;
    }

    /** A marking and handling code of items counted in a series. */
    public record Marking(Tlp tlp, Handling handling) {}

    /**
     * The markings and handling codes of every item counted in the series between {@code from} and {@code to}
     * inclusive (of those the reader may read): what a line quoting its counts must be marked with at least. Days
     * counted before markings were kept count as TLP:RED with every handling code.
     */
    public Set<Marking> markings(String series, LocalDate from, LocalDate to) {
        Set<Marking> markings = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(series + "|" + d);
        }
        for (int i = 0; i < ids.size(); i += 500) {
            signals.find(in("_id", ids.subList(i, Math.min(ids.size(), i + 500))))
                    .forEach(d -> {
                        Document parts = d.get("parts", Document.class);
                        if (parts == null) {
                            markings.add(new Marking(Tlp.RED, Handling.ALL));
                            return;
                        }
                        (clearance.full()
                                        ? parts.values().stream()
                                                .filter(Document.class::isInstance)
                                                .map(Document.class::cast)
                                        : permittedParts(d))
                                .forEach(part -> markings.add(new Marking(
                                        Tlp.valueOf(part.getString("tlp")),
                                        part.get("handling") instanceof Document
                                                ? Markings.handling(
                                                        new Document(Markings.HANDLING, part.get("handling")))
                                                : Handling.ALL)));
                    });
        }
        return markings;
    }

    /** Removes one series. */
    public void clearSeries(String series) {
        signals.deleteMany(Filters.eq("technology", series));
    }

    /** Removes every series (before a rebuild). */
    @Override
    public void clear() {
        signals.deleteMany(new Document());
    }

    /** The technology's daily series from {@code from} to {@code to} inclusive, days without mentions as zero. */
    public List<SignalPoint> daily(String technology, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ids.add(technology + "|" + d);
        }
        Map<String, Document> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 500) {
            signals.find(in("_id", ids.subList(i, Math.min(ids.size(), i + 500))))
                    .forEach(d -> found.put(d.getString("_id"), d));
        }
        List<SignalPoint> series = new ArrayList<>(ids.size());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Document doc = found.get(technology + "|" + d);
            series.add(doc == null || !visible(doc) ? new SignalPoint(d, 0, 0, Set.of()) : point(d, doc));
        }
        return series;
    }

    /**
     * Every series with a mention between {@code from} and {@code to} inclusive, each as its days with mentions in
     * that range (in day order; days without mentions are absent).
     */
    public Map<String, List<SignalPoint>> active(LocalDate from, LocalDate to) {
        Map<String, List<SignalPoint>> active = new TreeMap<>();
        signals.find(Filters.and(Filters.gte("day", from.toString()), Filters.lte("day", to.toString())))
                .forEach(doc -> {
                    if (visible(doc)) {
                        active.computeIfAbsent(doc.getString("technology"), k -> new ArrayList<>())
                                .add(point(LocalDate.parse(doc.getString("day")), doc));
                    }
                });
        active.values().forEach(points -> points.sort(Comparator.comparing(SignalPoint::day)));
        return active;
    }

    /** The day as the reader sees it: the whole document, or the sum of the parts they are cleared for. */
    private SignalPoint point(LocalDate day, Document doc) {
        if (clearance.full()) {
            return whole(day, doc);
        }
        long count = 0;
        double weighted = 0;
        Set<String> sources = new TreeSet<>();
        Map<String, Long> cues = new TreeMap<>();
        long focused = 0;
        Map<String, Long> focusedCues = new TreeMap<>();
        long darkWeb = 0;
        for (Document part : (Iterable<Document>) permittedParts(doc)::iterator) {
            SignalPoint p = whole(day, part);
            count += p.count();
            weighted += p.weighted();
            sources.addAll(p.sourceIds());
            p.cues().forEach((k, v) -> cues.merge(k, v, Long::sum));
            focused += p.focused();
            p.focusedCues().forEach((k, v) -> focusedCues.merge(k, v, Long::sum));
            darkWeb += p.darkWeb();
        }
        return new SignalPoint(day, count, weighted, Set.copyOf(sources), cues, focused, focusedCues, darkWeb);
    }

    private static SignalPoint whole(LocalDate day, Document doc) {
        Object focused = doc.get("focused");
        Object darkWeb = doc.get("darkWeb");
        return new SignalPoint(
                day,
                ((Number) doc.get("count")).longValue(),
                ((Number) doc.get("weighted")).doubleValue(),
                Set.copyOf(doc.getList("sources", String.class, List.of())),
                counts(doc, "cues"),
                focused == null ? 0 : ((Number) focused).longValue(),
                counts(doc, "focusedCues"),
                darkWeb == null ? 0 : ((Number) darkWeb).longValue());
    }

    private static Map<String, Long> counts(Document doc, String field) {
        Map<String, Long> counts = new TreeMap<>();
        Document stored = doc.get(field, Document.class);
        if (stored != null) {
            stored.forEach((cue, n) -> counts.put(cue, ((Number) n).longValue()));
        }
        return counts;
    }
}
