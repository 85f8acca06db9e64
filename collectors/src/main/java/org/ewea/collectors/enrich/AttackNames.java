package org.ewea.collectors.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names and aliases of MITRE ATT&CK groups and software, read from ATT&CK's STIX data (a STIX bundle such as
 * {@code enterprise-attack.json}, or one STIX object per line). The ATT&CK data is MITRE's, under the ATT&CK Terms of
 * Use, so EW/EA does not ship it: an operator points {@code EWEA_COLLECTORS_ATTACK_DATA} at a copy.
 */
public final class AttackNames {

    /**
     * One name of one ATT&CK object.
     *
     * @param attackId e.g. {@code G1024}, {@code S0575}
     * @param type {@code attack-group} or {@code attack-software}
     * @param name the object's name
     * @param alias the name or alias to look for in text
     * @param created the day ATT&CK created the object (its STIX {@code created}), or null when not given
     */
    public record Name(
            String attackId,
            String type,
            String name,
            String alias,
            @Nullable LocalDate created) {

        public Name(String attackId, String type, String name, String alias) {
            this(attackId, type, name, alias, null);
        }
    }

    private final List<Name> names;

    private AttackNames(List<Name> names) {
        this.names = List.copyOf(names);
    }

    public static AttackNames none() {
        return new AttackNames(List.of());
    }

    public static AttackNames of(List<Name> names) {
        return new AttackNames(names);
    }

    /** Reads groups (intrusion sets) and software (malware, tools) that are neither revoked nor deprecated. */
    public static AttackNames read(Path stix) {
        try {
            return parse(Files.readString(stix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ATT&CK data " + stix, e);
        }
    }

    /** As {@link #read(Path)}, from the text of the data. */
    public static AttackNames parse(String text) {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> objects = new ArrayList<>();
        if (text.stripLeading().startsWith("{\"type\": \"bundle\"")
                || text.stripLeading().startsWith("{\"type\":\"bundle\"")
                || text.contains("\"objects\"") && !text.contains("\n{")) {
            json.readTree(text).path("objects").forEach(objects::add);
        } else {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    objects.add(json.readTree(line));
                }
            }
        }
        List<Name> names = new ArrayList<>();
        for (JsonNode o : objects) {
            String type = o.path("type").asString("");
            if (o.path("revoked").asBoolean(false)
                    || o.path("x_mitre_deprecated").asBoolean(false)) {
                continue;
            }
            String kind = switch (type) {
                case "intrusion-set" -> "attack-group";
                case "malware", "tool" -> "attack-software";
                default -> null;
            };
            if (kind == null) {
                continue;
            }
            String id = null;
            for (JsonNode ref : o.path("external_references")) {
                if ("mitre-attack".equals(ref.path("source_name").asString(""))) {
                    id = ref.path("external_id").asString(null);
                }
            }
            if (id == null) {
                continue;
            }
            String name = o.path("name").asString("");
            String createdText = o.path("created").asString("");
            LocalDate created =
                    createdText.length() >= 10 && createdText.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")
                            ? LocalDate.parse(createdText.substring(0, 10))
                            : null;
            Set<String> aliases = new LinkedHashSet<>();
            aliases.add(name);
            o.path("aliases").forEach(a -> aliases.add(a.asString("")));
            o.path("x_mitre_aliases").forEach(a -> aliases.add(a.asString("")));
            for (String alias : aliases) {
                if (!alias.isBlank()) {
                    names.add(new Name(id, kind, name, alias.strip(), created));
                }
            }
        }
        return new AttackNames(names);
    }

    public List<Name> names() {
        return names;
    }

    /**
     * The day ATT&CK created each object, by its series id ({@code attack-group:G1024}): the authoritative record of
     * a group or a piece of software, and the label the {@code train} command learns from for them.
     */
    public Map<String, LocalDate> createdBySeries() {
        Map<String, LocalDate> created = new TreeMap<>();
        for (Name n : names) {
            if (n.created() != null) {
                created.merge(n.type() + ":" + n.attackId(), n.created(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return created;
    }
}
