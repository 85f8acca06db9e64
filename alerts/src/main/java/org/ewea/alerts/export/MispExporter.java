package org.ewea.alerts.export;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.MachineProvenance;
import org.jspecify.annotations.Nullable;

/**
 * Alerts as MISP events (the JSON MISP imports and its restSearch answers): one event per alert, tagged with its TLP
 * and EW/EA stage and priority, with the subject as an attribute (a CVE as {@code vulnerability}, anything else as
 * {@code text}) and the summary as a comment; sharing is "your organisation only" (distribution 0) whatever the
 * marking, the receiving analyst widens it. Every field the MISP core format marks MUST is there: on events
 * {@code uuid, info, date, timestamp, threat_level_id, analysis, distribution, published} (false: the receiver
 * decides what to publish), {@code publish_timestamp} (0 while unpublished) and the creating organisation
 * {@code Orgc}; on attributes {@code uuid, type, category, value, to_ids, distribution, timestamp, deleted}. The
 * Admiralty grade of the best evidence travels as MISP's {@code admiralty-scale} taxonomy tags, the handling code as
 * {@code ewea:handling}.
 */
public final class MispExporter {

    /** The organisation that creates the events: this service. */
    static final Map<String, String> ORGC =
            Map.of("name", "EW/EA early warning service", "uuid", uuid("organisation", "ewea"));

    public Map<String, Object> events(List<Alert> alerts) {
        List<Object> events = new ArrayList<>();
        for (Alert alert : alerts) {
            events.add(Map.of("Event", event(alert)));
        }
        return Map.of("response", events);
    }

    /** The uuid of an alert's event. */
    public static String eventUuid(Alert alert) {
        return uuid("event", alert.id());
    }

    /** One alert's event body (what {@code "Event"} holds). */
    public Map<String, Object> event(Alert alert) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("uuid", uuid("event", alert.id()));
        event.put("info", alert.title());
        event.put("date", alert.raisedAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        event.put("timestamp", Long.toString(alert.updatedAt().getEpochSecond()));
        event.put("threat_level_id", threatLevel(alert.priority()));
        event.put(
                "analysis",
                alert.state() == AlertState.NEW ? "0" : alert.state() == AlertState.ACKNOWLEDGED ? "1" : "2");
        event.put("distribution", "0");
        event.put("published", false);
        event.put("publish_timestamp", "0");
        event.put("Orgc", ORGC);
        List<Map<String, String>> tags = new ArrayList<>();
        tags.add(Map.of("name", TlpMarkings.mispTag(alert.tlp())));
        // the grade and the handling code travel with the event, so that a receiver can filter on them
        if (alert.grade() != null && alert.grade().length() == 2) {
            tags.add(Map.of(
                    "name",
                    "admiralty-scale:source-reliability=\""
                            + Character.toLowerCase(alert.grade().charAt(0)) + "\""));
            tags.add(Map.of(
                    "name",
                    "admiralty-scale:information-credibility=\"" + alert.grade().charAt(1) + "\""));
        }
        if (!alert.handling().outsideSchemes()) {
            tags.add(Map.of("name", "ewea:handling=\"" + alert.handling().label() + "\""));
        }
        if (alert.stage() != null) {
            tags.add(Map.of("name", "ewea:stage=\"" + alert.stage() + "\""));
        }
        if (alert.priority() != null) {
            tags.add(Map.of("name", "ewea:priority=\"" + alert.priority() + "\""));
        }
        // machine-derived: by which model and method, and whether a person has reviewed it since
        MachineProvenance provenance = MachineProvenance.of(alert);
        provenance.mispTags().forEach(t -> tags.add(Map.of("name", t)));
        if (provenance.model() != null) {
            tags.add(Map.of("name", "ewea:model=\"" + provenance.model() + "\""));
        }
        event.put("Tag", tags);
        List<Map<String, Object>> attributes = new ArrayList<>();
        boolean cve = alert.subject().kind().equals("cve");
        attributes.add(attribute(
                alert,
                "subject",
                cve ? "vulnerability" : "text",
                cve ? "External analysis" : "Other",
                alert.subject().label(),
                alert.subject().kind()));
        attributes.add(attribute(alert, "summary", "comment", "Other", alert.summary(), "EW/EA summary"));
        event.put("Attribute", attributes);
        return event;
    }

    private static Map<String, Object> attribute(
            Alert alert, String key, String type, String category, String value, String comment) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("uuid", uuid("attribute-" + key, alert.id()));
        a.put("type", type);
        a.put("category", category);
        a.put("value", value);
        a.put("comment", comment);
        a.put("to_ids", false);
        a.put("distribution", "5");
        a.put("timestamp", Long.toString(alert.updatedAt().getEpochSecond()));
        a.put("deleted", false);
        return a;
    }

    private static String threatLevel(@Nullable String priority) {
        if (priority == null) {
            return "4";
        }
        return switch (priority.toUpperCase(Locale.ROOT)) {
            case "P1" -> "1";
            case "P2" -> "2";
            case "P3", "P4" -> "3";
            default -> "4";
        };
    }

    private static String uuid(String kind, String id) {
        return UUID.nameUUIDFromBytes(("ewea:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
