package org.ewea.methodology.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ewea.methodology.lexicon.TextFolding;

/** The validated taxonomy: entries by id, in definition order, with their hierarchy and crime areas. */
public final class Taxonomy {

    private final Map<String, Technology> byId;
    private final Map<String, CrimeArea> crimeAreas;

    public Taxonomy(List<Technology> technologies, List<CrimeArea> crimeAreas) {
        Map<String, Technology> entries = new LinkedHashMap<>();
        technologies.forEach(t -> entries.put(t.id(), t));
        this.byId = Collections.unmodifiableMap(entries);
        Map<String, CrimeArea> areas = new LinkedHashMap<>();
        crimeAreas.forEach(a -> areas.put(a.id(), a));
        this.crimeAreas = Collections.unmodifiableMap(areas);
    }

    public Collection<Technology> technologies() {
        return byId.values();
    }

    public Optional<Technology> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public int size() {
        return byId.size();
    }

    public Collection<CrimeArea> crimeAreas() {
        return crimeAreas.values();
    }

    public List<Technology> topLevel() {
        return byId.values().stream().filter(Technology::isTopLevel).toList();
    }

    /** The direct narrower entries of {@code id}. */
    public List<Technology> narrower(String id) {
        return byId.values().stream().filter(t -> id.equals(t.broader())).toList();
    }

    /** The top-level category an entry belongs to (itself when it is top-level). */
    public Technology topLevelOf(String id) {
        Technology entry = byId.get(id);
        if (entry == null) {
            throw new IllegalArgumentException("unknown technology '" + id + "'");
        }
        while (entry.broader() != null) {
            entry = byId.get(entry.broader());
        }
        return entry;
    }

    /** From the entry up to its top-level category. */
    public List<Technology> path(String id) {
        List<Technology> path = new ArrayList<>();
        for (Technology entry = byId.get(id);
                entry != null;
                entry = entry.broader() == null ? null : byId.get(entry.broader())) {
            path.add(entry);
        }
        return path;
    }

    /**
     * Entries whose id, label in any language, acronym or description contains {@code query}, case and diacritics
     * folded. An empty query matches everything.
     */
    public List<Technology> search(String query) {
        String folded = TextFolding.fold(query.strip());
        if (folded.isEmpty()) {
            return List.copyOf(byId.values());
        }
        return byId.values().stream().filter(t -> matches(t, folded)).toList();
    }

    private static boolean matches(Technology technology, String foldedQuery) {
        if (technology.id().contains(foldedQuery.toLowerCase(Locale.ROOT))
                || TextFolding.fold(technology.description()).contains(foldedQuery)) {
            return true;
        }
        for (List<String> labels : technology.labels().values()) {
            for (String label : labels) {
                if (TextFolding.fold(label).contains(foldedQuery)) {
                    return true;
                }
            }
        }
        return technology.acronyms().stream().anyMatch(a -> TextFolding.fold(a).contains(foldedQuery));
    }
}
