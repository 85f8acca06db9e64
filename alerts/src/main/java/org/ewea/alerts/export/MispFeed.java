package org.ewea.alerts.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ewea.alerts.alert.Alert;

/**
 * Alerts as a MISP feed, the form a MISP instance polls ("Feeds", format "MISP Feed"): {@code manifest.json} maps
 * each event's uuid to its header (organisation, tags, info, date, analysis, threat level, timestamp), so that MISP
 * fetches only the events that changed; {@code hashes.csv} lists the MD5 of every attribute value beside its event's
 * uuid (each part of a composite {@code a|b} value apart), for MISP's cached look-ups; {@code <uuid>.json} is one event
 * as {@code {"Event": ...}}. Built from the alerts given (the reader's), by {@link MispExporter}.
 *
 * @param alerts the alerts of the feed
 */
public record MispFeed(List<Alert> alerts) {

    private static final MispExporter EXPORTER = new MispExporter();

    public MispFeed {
        alerts = List.copyOf(alerts);
    }

    /** {@code manifest.json}. */
    public Map<String, Object> manifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            Map<String, Object> event = EXPORTER.event(alert);
            Map<String, Object> header = new LinkedHashMap<>();
            for (String field : List.of(
                    "Orgc", "Tag", "info", "date", "analysis", "threat_level_id", "timestamp", "publish_timestamp")) {
                header.put(field, event.get(field));
            }
            manifest.put((String) event.get("uuid"), header);
        }
        return manifest;
    }

    /** {@code hashes.csv}: {@code md5,event-uuid} a line. */
    @SuppressWarnings("unchecked")
    public String hashes() {
        StringBuilder csv = new StringBuilder();
        for (Alert alert : alerts) {
            Map<String, Object> event = EXPORTER.event(alert);
            for (Map<String, Object> attribute : (List<Map<String, Object>>) event.get("Attribute")) {
                for (String part : ((String) attribute.get("value")).split("\\|")) {
                    csv.append(md5(part)).append(',').append(event.get("uuid")).append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** {@code <uuid>.json}, if the feed holds that event. */
    public Optional<Map<String, Object>> event(String uuid) {
        return alerts.stream()
                .filter(a -> MispExporter.eventUuid(a).equals(uuid))
                .findFirst()
                .map(a -> Map.of("Event", EXPORTER.event(a)));
    }

    static String md5(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
