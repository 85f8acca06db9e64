package org.ewea.alerts.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ewea.alerts.alert.Alert;
import org.jspecify.annotations.Nullable;

/**
 * The STIX objects of a set of alerts as a TAXII collection holds them: every object of their bundle
 * ({@link StixExporter}) with the time its version was added (a report when its alert last changed, a subject when the
 * last alert about it did, the service's identity, extension and marking definitions when they were defined), in the
 * order TAXII pages them (added, then id). Pages are cut after an object's (added, id) key, so that a client that
 * follows {@code next} sees every object once even while alerts change.
 *
 * @param entries the objects, oldest addition first
 */
public record StixCollection(List<Entry> entries) {

    /**
     * One object of the collection.
     *
     * @param object the STIX object
     * @param added when this version was added
     */
    public record Entry(Map<String, Object> object, Instant added) {

        public String id() {
            return (String) object.get("id");
        }

        /** The version: its {@code modified} (a marking definition's {@code created}). */
        public String version() {
            Object modified = object.get("modified");
            return (String) (modified != null ? modified : object.get("created"));
        }

        public String type() {
            return (String) object.get("type");
        }
    }

    /**
     * One page.
     *
     * @param entries its objects
     * @param more whether more follow
     * @param next the key to ask for the next page with, when more follow
     */
    public record Page(
            List<Entry> entries, boolean more, @Nullable String next) {}

    public StixCollection {
        entries = List.copyOf(entries);
    }

    /** The collection of {@code alerts}, exported by {@code stix}. */
    @SuppressWarnings("unchecked")
    public static StixCollection of(List<Alert> alerts, StixExporter stix) {
        Map<String, Object> bundle = stix.bundle(alerts, StixExporter.IDENTITY_CREATED);
        Map<String, Instant> reportAdded = new HashMap<>();
        for (Alert a : alerts) {
            reportAdded.put(StixExporter.id("report", "alert:" + a.id()), a.updatedAt());
        }
        Map<String, Instant> added = new HashMap<>();
        List<Map<String, Object>> objects = (List<Map<String, Object>>) bundle.get("objects");
        for (Map<String, Object> o : objects) {
            Instant when = reportAdded.get((String) o.get("id"));
            if (when != null) {
                added.put((String) o.get("id"), when);
                for (Object ref : (List<Object>) o.getOrDefault("object_refs", List.of())) {
                    added.merge((String) ref, when, (x, y) -> x.isAfter(y) ? x : y);
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            entries.add(new Entry(o, added.getOrDefault((String) o.get("id"), StixExporter.IDENTITY_CREATED)));
        }
        entries.sort(Comparator.comparing(Entry::added).thenComparing(Entry::id));
        return new StixCollection(entries);
    }

    /**
     * The page of objects added after {@code addedAfter} (if given), of the given types and ids (all when empty),
     * that follow the key {@code after} (if given), at most {@code limit}.
     */
    public Page page(
            @Nullable Instant addedAfter, Set<String> types, Set<String> ids, @Nullable String after, int limit) {
        Key from = after == null ? null : Key.parse(after);
        List<Entry> matching = entries.stream()
                .filter(e -> addedAfter == null || e.added().isAfter(addedAfter))
                .filter(e -> types.isEmpty() || types.contains(e.type()))
                .filter(e -> ids.isEmpty() || ids.contains(e.id()))
                .filter(e -> from == null || from.before(e))
                .toList();
        List<Entry> page = matching.subList(0, Math.min(limit, matching.size()));
        boolean more = matching.size() > page.size();
        return new Page(
                page,
                more,
                more ? new Key(page.getLast().added(), page.getLast().id()).text() : null);
    }

    /** The object of that id, if the collection holds it. */
    public Optional<Entry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** A page key: the (added, id) of the last object a page held, as opaque text. */
    record Key(Instant added, String id) {

        String text() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((added.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        boolean before(Entry e) {
            int byTime = e.added().compareTo(added);
            return byTime > 0 || byTime == 0 && e.id().compareTo(id) > 0;
        }

        /** @throws IllegalArgumentException for a key this collection never gave */
        static Key parse(String text) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = plain.indexOf('|');
                return new Key(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a page key of this collection: " + text, e);
            }
        }
    }
}
