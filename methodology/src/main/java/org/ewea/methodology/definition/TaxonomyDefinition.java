package org.ewea.methodology.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ewea.methodology.definition.DefinitionRecords.HarmEntry;
import org.ewea.methodology.definition.DefinitionRecords.TechnologyEntry;
import org.ewea.methodology.risk.HarmProfile;
import org.ewea.methodology.taxonomy.CrimeArea;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;

/** Validates taxonomy entries (defaults merged with overrides by id) into technologies. */
final class TaxonomyDefinition {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern ATTACK_ID = Pattern.compile("(T\\d{4}(\\.\\d{3})?|[SGCM]\\d{4})");
    private static final Pattern ACRONYM = Pattern.compile("[\\p{L}\\p{N}]{2,12}");

    private TaxonomyDefinition() {}

    /** An entry with the file it was read from, for error messages. */
    record Located(TechnologyEntry entry, DefinitionFile file) {}

    static List<Technology> build(
            List<Located> located, List<CrimeArea> crimeAreas, List<String> required, List<String> oneOf) {
        Map<String, Located> byId = new LinkedHashMap<>();
        for (Located l : located) {
            String id = Required.in(l.file(), "id", null).text(l.entry().id(), "technologies[].id");
            if (!ID.matcher(id).matches()) {
                throw l.file()
                        .errorAt(
                                "id",
                                id,
                                "id '" + id
                                        + "' must be 2-64 lower-case letters, digits and hyphens, starting with a letter or digit");
            }
            byId.put(id, l); // an override replaces the default entry of the same id
        }
        Set<String> areas = new HashSet<>();
        crimeAreas.forEach(a -> areas.add(a.id()));
        Set<String> languages = new LinkedHashSet<>(required);
        languages.addAll(oneOf);
        Map<String, HarmProfile> harms = new LinkedHashMap<>();
        List<Technology> technologies = new ArrayList<>();
        for (Map.Entry<String, Located> e : byId.entrySet()) {
            String id = e.getKey();
            TechnologyEntry t = e.getValue().entry();
            Required check = Required.in(e.getValue().file(), "id", id);
            if (t.broader() != null && !byId.containsKey(t.broader())) {
                throw check.fail("broader '" + t.broader() + "' is not a taxonomy id");
            }
            checkNoCycle(id, byId, check);
            Map<String, List<String>> labels = labels(t.labels(), required, oneOf, languages, check);
            for (String acronym : Required.orEmpty(t.acronyms())) {
                if (!ACRONYM.matcher(acronym).matches()) {
                    throw check.fail("acronym '" + acronym + "' must be one word of 2-12 letters or digits");
                }
            }
            List<String> crime = check.list(t.crimeAreas(), "crimeAreas");
            for (String area : crime) {
                if (!areas.contains(area)) {
                    throw check.fail("crime area '" + area + "' is not defined in methodology.yaml (known: "
                            + String.join(", ", areas.stream().sorted().toList()) + ")");
                }
            }
            for (String attack : Required.orEmpty(t.attack())) {
                if (!ATTACK_ID.matcher(attack).matches()) {
                    throw check.fail("'" + attack + "' is not a MITRE ATT&CK id (T1234, T1234.001, S/G/C/M1234)");
                }
            }
            technologies.add(new Technology(
                    id,
                    t.broader(),
                    labels,
                    Required.orEmpty(t.acronyms()),
                    check.text(t.description(), "description"),
                    crime,
                    Required.orEmpty(t.attack()),
                    Required.orEmpty(t.misp()),
                    harm(id, byId, harms, check)));
        }
        return technologies;
    }

    private static Map<String, List<String>> labels(
            @Nullable Map<String, List<String>> labels,
            List<String> required,
            List<String> oneOf,
            Set<String> known,
            Required check) {
        if (labels == null || labels.isEmpty()) {
            throw check.fail("labels are required");
        }
        for (Map.Entry<String, List<String>> e : labels.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw check.fail(
                        "labels: language '" + e.getKey() + "' is not one of the methodology's languages " + known);
            }
            if (e.getValue() == null
                    || e.getValue().isEmpty()
                    || e.getValue().stream().anyMatch(s -> s == null || s.isBlank())) {
                throw check.fail("labels." + e.getKey() + " must list at least one non-empty label");
            }
        }
        for (String language : required) {
            if (!labels.containsKey(language)) {
                throw check.fail("labels." + language + " is required (every entry needs labels in " + required + ")");
            }
        }
        if (!oneOf.isEmpty() && oneOf.stream().noneMatch(labels::containsKey)) {
            throw check.fail("labels need at least one of " + oneOf);
        }
        return labels;
    }

    private static void checkNoCycle(String id, Map<String, Located> byId, Required check) {
        Set<String> seen = new HashSet<>();
        for (String at = id; at != null; at = byId.get(at).entry().broader()) {
            if (!seen.add(at)) {
                throw check.fail("broader chain loops back through '" + at + "'");
            }
        }
    }

    private static HarmProfile harm(
            String id, Map<String, Located> byId, Map<String, HarmProfile> cache, Required check) {
        if (cache.containsKey(id)) {
            return cache.get(id);
        }
        TechnologyEntry t = byId.get(id).entry();
        HarmProfile profile;
        if (t.harm() != null) {
            HarmEntry h = t.harm();
            try {
                profile = new HarmProfile(
                        check.value(h.physical(), "harm.physical"),
                        check.value(h.psychological(), "harm.psychological"),
                        check.value(h.financial(), "harm.financial"),
                        check.value(h.community(), "harm.community"),
                        check.value(h.societal(), "harm.societal"),
                        check.value(h.geographic(), "harm.geographic"),
                        check.value(h.vulnerability(), "harm.vulnerability"));
            } catch (IllegalArgumentException e) {
                throw check.fail(e.getMessage());
            }
        } else if (t.broader() != null) {
            profile = harm(
                    t.broader(), byId, cache, Required.in(byId.get(t.broader()).file(), "id", t.broader()));
        } else {
            throw check.fail("harm is required on a top-level entry (narrower entries inherit it)");
        }
        cache.put(id, profile);
        return profile;
    }
}
