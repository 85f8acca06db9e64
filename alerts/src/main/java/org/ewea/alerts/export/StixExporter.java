package org.ewea.alerts.export;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.MachineProvenance;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.taxonomy.Technology;

/**
 * Alerts as a STIX 2.1 bundle: the producer's identity; for each alert a {@code report} (title, summary, stage,
 * priority, state; confidence from the score) referring to its subject: a technology as an {@code attack-pattern}
 * (with its ATT&CK references), a CVE as a {@code vulnerability}, an ATT&CK group as an {@code intrusion-set}, ATT&CK
 * software as a {@code tool}, a novel or watched term as a {@code note}; every object marked with the alert's TLP 2.0
 * marking definition, which the bundle includes. Ids are name-based UUIDs, so the same alert exports to the same ids.
 */
public final class StixExporter {

    /** STIX timestamps: UTC, milliseconds. */
    public static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final Instant TLP_CREATED = Instant.parse("2022-10-01T00:00:00Z");
    /** When the service's STIX identity was defined; it never changes, so neither does the object. */
    static final Instant IDENTITY_CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final Methodology methodology;

    public StixExporter(Methodology methodology) {
        this.methodology = methodology;
    }

    /** The bundle (a JSON-ready map) of the alerts, made at {@code now}. */
    public Map<String, Object> bundle(List<Alert> alerts, Instant now) {
        Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
        // one identity object for every export: a new created/modified each time would be a new version of it
        Map<String, Object> identity = base("identity", "ewea", IDENTITY_CREATED, IDENTITY_CREATED);
        identity.put("name", "EW/EA early warning service");
        identity.put("identity_class", "system");
        objects.put((String) identity.get("id"), identity);
        Set<Tlp> markings = new LinkedHashSet<>();
        for (Alert alert : alerts) {
            markings.add(alert.tlp());
            Map<String, Object> subject = subject(alert, identity);
            objects.putIfAbsent((String) subject.get("id"), subject);
            Map<String, Object> report = base("report", "alert:" + alert.id(), alert.raisedAt(), alert.updatedAt());
            report.put("created_by_ref", identity.get("id"));
            report.put("name", alert.title());
            report.put("description", alert.summary());
            report.put("published", TIME.format(alert.raisedAt()));
            report.put("report_types", List.of("threat-report"));
            List<String> labels = new ArrayList<>();
            labels.add("ewea-rule:" + alert.ruleId());
            labels.add("ewea-state:" + alert.state().name().toLowerCase(Locale.ROOT));
            if (alert.stage() != null) {
                labels.add("ewea-stage:" + alert.stage());
            }
            if (alert.priority() != null) {
                labels.add("ewea-priority:" + alert.priority().toLowerCase(Locale.ROOT));
            }
            // machine-derived (MISP's ai-computer-assisted taxonomy as labels), by which model, reviewed or not
            MachineProvenance provenance = MachineProvenance.of(alert);
            labels.addAll(
                    provenance.mispTags().stream().map(t -> t.replace("\"", "")).toList());
            if (provenance.model() != null) {
                labels.add("ewea-model:" + provenance.model());
            }
            report.put("labels", labels);
            if (alert.score() != null) {
                report.put("confidence", (int) Math.round(100 * alert.score()));
            }
            Map<String, Object> grading = grading(alert);
            if (!grading.isEmpty()) {
                grading.put("extension_type", "property-extension");
                report.put("extensions", Map.of(GRADING_EXTENSION, grading));
                objects.putIfAbsent(GRADING_EXTENSION, gradingExtension(identity));
            }
            report.put("object_refs", List.of(subject.get("id")));
            report.put("object_marking_refs", List.of(TlpMarkings.id(alert.tlp())));
            if (subject.get("type").equals("note")) {
                subject.put("object_refs", List.of(report.get("id")));
            }
            objects.put((String) report.get("id"), report);
        }
        List<Object> all = new ArrayList<>();
        for (Tlp tlp : markings) {
            all.add(marking(tlp));
        }
        all.addAll(objects.values());
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        bundle.put("objects", all);
        return bundle;
    }

    /**
     * The id of the extension that carries a report's grading and handling code: the Admiralty grade of its best
     * evidence ({@code admiralty_grade} "B2", with {@code source_reliability} "B" and {@code information_credibility}
     * "2") and its handling code ({@code handling_scheme} "europol", {@code handling_code} "H2"), so that a receiver
     * can filter on them. Fixed, as its definition never changes within a version.
     */
    public static final String GRADING_EXTENSION = "extension-definition--"
            + UUID.nameUUIDFromBytes("ewea:extension:grading-handling:1.0".getBytes(StandardCharsets.UTF_8));

    private static Map<String, Object> grading(Alert alert) {
        Map<String, Object> grading = new LinkedHashMap<>();
        if (alert.grade() != null && alert.grade().matches("[A-F][1-6]")) {
            grading.put("admiralty_grade", alert.grade());
            grading.put("source_reliability", alert.grade().substring(0, 1));
            grading.put("information_credibility", alert.grade().substring(1));
        }
        if (!alert.handling().outsideSchemes()) {
            grading.put("handling_scheme", alert.handling().scheme());
            grading.put("handling_code", alert.handling().code());
        }
        return grading;
    }

    private static Map<String, Object> gradingExtension(Map<String, Object> identity) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("type", "extension-definition");
        extension.put("spec_version", "2.1");
        extension.put("id", GRADING_EXTENSION);
        extension.put("created", TIME.format(IDENTITY_CREATED));
        extension.put("modified", TIME.format(IDENTITY_CREATED));
        extension.put("created_by_ref", identity.get("id"));
        extension.put("name", "EW/EA grading and handling");
        extension.put(
                "description",
                "The Admiralty grade (NATO AJP-2.1 source reliability A-F and information"
                        + " credibility 1-6) of the best evidence behind an EW/EA report, and the law-enforcement handling"
                        + " code its evidence carries (e.g. Europol H0-H3), so that a receiver can filter on them.");
        extension.put(
                "schema",
                "A property extension of report objects with these string properties, each optional:"
                        + " admiralty_grade (two characters, A-F then 1-6, e.g. B2), source_reliability (A-F),"
                        + " information_credibility (1-6), handling_scheme (the grading scheme of the handling code, e.g."
                        + " europol or uk-3x5x2) and handling_code (the code in that scheme, e.g. H2).");
        extension.put("version", "1.0.0");
        extension.put("extension_types", List.of("property-extension"));
        return extension;
    }

    private Map<String, Object> subject(Alert alert, Map<String, Object> identity) {
        String kind = alert.subject().kind();
        String type = switch (kind) {
            case "technology" -> "attack-pattern";
            case "cve" -> "vulnerability";
            case "attack-group" -> "intrusion-set";
            case "attack-software" -> "tool";
            default -> "note";
        };
        Map<String, Object> o = base(
                type,
                kind + ":" + alert.subject().id() + (type.equals("note") ? ":" + alert.id() : ""),
                alert.raisedAt(),
                alert.updatedAt());
        o.put("created_by_ref", identity.get("id"));
        o.put("object_marking_refs", List.of(TlpMarkings.id(alert.tlp())));
        switch (type) {
            case "note" -> {
                o.put("abstract", "EW/EA " + kind + ": " + alert.subject().label());
                o.put("content", alert.summary());
            }
            case "vulnerability" -> {
                o.put("name", alert.subject().label());
                o.put(
                        "external_references",
                        List.of(Map.of(
                                "source_name",
                                "cve",
                                "external_id",
                                alert.subject().label())));
            }
            case "attack-pattern" -> {
                o.put("name", alert.subject().label());
                methodology.taxonomy().find(alert.subject().id()).ifPresent(t -> describe(o, t));
            }
            default -> o.put("name", alert.subject().label());
        }
        return o;
    }

    private static void describe(Map<String, Object> o, Technology t) {
        if (!t.description().isBlank()) {
            o.put("description", t.description());
        }
        List<Map<String, String>> refs = new ArrayList<>();
        for (String attack : t.attackIds()) {
            refs.add(Map.of("source_name", "mitre-attack", "external_id", attack));
        }
        if (!refs.isEmpty()) {
            o.put("external_references", refs);
        }
    }

    private static Map<String, Object> marking(Tlp tlp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "marking-definition");
        m.put("spec_version", "2.1");
        m.put("id", TlpMarkings.id(tlp));
        m.put("created", TIME.format(TLP_CREATED));
        m.put("name", tlp.label());
        m.put(
                "extensions",
                Map.of(
                        TlpMarkings.EXTENSION,
                        Map.of("extension_type", "property-extension", "tlp_2_0", TlpMarkings.level(tlp))));
        return m;
    }

    /** The id of the object of {@code type} the export names by {@code key} (name-based: the same every export). */
    static String id(String type, String key) {
        return type + "--" + UUID.nameUUIDFromBytes(("ewea:" + type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> base(String type, String key, Instant created, Instant modified) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id(type, key));
        o.put("created", TIME.format(created));
        o.put("modified", TIME.format(modified.isBefore(created) ? created : modified));
        return o;
    }
}
