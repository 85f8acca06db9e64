package org.ewea.alerts.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The STIX 2.1 MUST rules our bundles rely on, checked by hand (the official JSON schemas cannot be fetched here):
 * common properties (type, spec_version, id form and type prefix, timestamp form, modified not before created), no
 * empty or null values, references resolvable within the bundle and of the right type, required properties of each
 * object type used, confidence 0-100, external references with a source name.
 */
final class StixRules {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{1,248}[a-z0-9]");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "report", List.of("name", "published", "object_refs"),
            "vulnerability", List.of("name"),
            "intrusion-set", List.of("name"),
            "tool", List.of("name"),
            "attack-pattern", List.of("name"),
            "identity", List.of("name"),
            "note", List.of("content", "object_refs"),
            "extension-definition", List.of("name", "schema", "version", "extension_types", "created_by_ref"),
            "marking-definition", List.of());

    private StixRules() {}

    /** Every violation; empty when the bundle keeps the rules. */
    @SuppressWarnings("unchecked")
    static List<String> violations(Map<String, Object> bundle) {
        List<String> problems = new ArrayList<>();
        if (!"bundle".equals(bundle.get("type"))) {
            problems.add("bundle type");
        }
        if (!(bundle.get("id") instanceof String id)
                || !id.startsWith("bundle--")
                || !UUID.matcher(id.substring(8)).matches()) {
            problems.add("bundle id " + bundle.get("id"));
        }
        List<Map<String, Object>> objects = (List<Map<String, Object>>) bundle.get("objects");
        if (objects == null || objects.isEmpty()) {
            problems.add("bundle objects empty");
            return problems;
        }
        Map<String, String> types = new HashMap<>();
        for (Map<String, Object> o : objects) {
            types.put(String.valueOf(o.get("id")), String.valueOf(o.get("type")));
        }
        for (Map<String, Object> o : objects) {
            String type = String.valueOf(o.get("type"));
            String id = String.valueOf(o.get("id"));
            String where = type + " " + id + ": ";
            if (!TYPE.matcher(type).matches()) {
                problems.add(where + "type");
            }
            if (!"2.1".equals(o.get("spec_version"))) {
                problems.add(where + "spec_version");
            }
            if (!id.startsWith(type + "--")
                    || !UUID.matcher(id.substring(type.length() + 2)).matches()) {
                problems.add(where + "id form");
            }
            for (String time : List.of("created", "modified", "published")) {
                Object value = o.get(time);
                if (value != null && !TIMESTAMP.matcher(value.toString()).matches()) {
                    problems.add(where + time + " " + value);
                }
            }
            if (!(o.get("created") instanceof String)) {
                problems.add(where + "created missing");
            } else if (!type.equals("marking-definition")
                    && (!(o.get("modified") instanceof String modified)
                            || modified.compareTo((String) o.get("created")) < 0)) {
                problems.add(where + "modified missing or before created");
            }
            List<String> required = REQUIRED.get(type);
            if (required == null) {
                problems.add(where + "unexpected type");
            } else {
                required.stream().filter(p -> !o.containsKey(p)).forEach(p -> problems.add(where + "needs " + p));
            }
            o.forEach((key, value) -> {
                if (value == null
                        || value instanceof String s && s.isEmpty()
                        || value instanceof List<?> l && l.isEmpty()) {
                    problems.add(where + key + " is null or empty");
                }
                if (key.endsWith("_ref")) {
                    check(problems, where + key, value, types, key.equals("created_by_ref") ? "identity" : null);
                }
                if (key.endsWith("_refs") && value instanceof List<?> refs) {
                    refs.forEach(r -> check(
                            problems,
                            where + key,
                            r,
                            types,
                            key.equals("object_marking_refs") ? "marking-definition" : null));
                }
            });
            if (o.get("confidence") instanceof Number c && (c.intValue() < 0 || c.intValue() > 100)) {
                problems.add(where + "confidence " + c);
            }
            if (o.get("external_references") instanceof List<?> refs) {
                refs.stream()
                        .filter(r -> !(r instanceof Map<?, ?> m) || !(m.get("source_name") instanceof String))
                        .forEach(r -> problems.add(where + "external reference without source_name"));
            }
            // an extension used by an object of ours is defined in the bundle (the TLP 2.0 markings' is OASIS's)
            if (!type.equals("marking-definition") && o.get("extensions") instanceof Map<?, ?> extensions) {
                extensions
                        .keySet()
                        .forEach(used -> check(problems, where + "extensions", used, types, "extension-definition"));
            }
            if (type.equals("marking-definition")
                    && !o.containsKey("extensions")
                    && !o.containsKey("definition_type")) {
                problems.add(where + "marking without definition");
            }
        }
        return problems;
    }

    private static void check(
            List<String> problems, String where, Object ref, Map<String, String> types, String wantedType) {
        String target = types.get(String.valueOf(ref));
        if (target == null) {
            problems.add(where + " points to " + ref + ", not in the bundle");
        } else if (wantedType != null && !wantedType.equals(target)) {
            problems.add(where + " points to a " + target + ", not a " + wantedType);
        }
    }
}
