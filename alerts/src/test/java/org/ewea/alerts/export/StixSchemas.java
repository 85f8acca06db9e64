package org.ewea.alerts.export;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official OASIS STIX 2.1 JSON schemas (../shared/reference/stix2-json-schemas, BSD-3-Clause), read offline: their
 * {@code $id}s are URLs under {@link #ID_PREFIX}, mapped to the folder, so every relative {@code $ref} resolves to a
 * local file. Validation is JSON Schema draft 2020-12 by networknt's json-schema-validator.
 *
 * <p>One gap of the official schemas is worked around, and only that one: {@code common/bundle.json} lists the STIX
 * 2.1 object types a bundle may hold but leaves out five SDOs of the specification (note, opinion, grouping, location,
 * incident), so they fall into its branch for custom objects, which no valid SDO can pass (it asks for exactly one of
 * {@code core.json} and {@code cyber-observable-core.json}, and a valid SDO is both). Objects of those types are
 * validated against their own schema ({@code sdos/note.json}...) and the rest of the bundle against
 * {@code bundle.json}. The same holds for {@code extension-definition} objects, validated against
 * {@code common/extension-definition.json}.
 */
public final class StixSchemas {

    static final String ID_PREFIX =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas";
    static final String FOLDER = "shared/reference/stix2-json-schemas";

    /** The SDOs of STIX 2.1 that {@code common/bundle.json} does not list. */
    static final Set<String> UNLISTED = Set.of("note", "opinion", "grouping", "location", "incident");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Schema bundle;
    private final Map<String, Schema> unlisted = new HashMap<>();

    private StixSchemas(Path folder) {
        Path schemas = folder.resolve("schemas").toAbsolutePath().normalize();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(iri -> local(schemas, iri)));
        bundle = registry.getSchema(SchemaLocation.of(ID_PREFIX + "/common/bundle.json"));
        for (String type : UNLISTED) {
            unlisted.put(type, registry.getSchema(SchemaLocation.of(ID_PREFIX + "/sdos/" + type + ".json")));
        }
        unlisted.put(
                "extension-definition",
                registry.getSchema(SchemaLocation.of(ID_PREFIX + "/common/extension-definition.json")));
    }

    /** The file an OASIS schema id names, read from the folder; null (not ours) for any other id. */
    private static String local(Path schemas, String iri) {
        if (!iri.startsWith(ID_PREFIX + "/")) {
            return null;
        }
        Path file = schemas.resolve(iri.substring(ID_PREFIX.length() + 1)).normalize();
        if (!file.startsWith(schemas) || !Files.isRegularFile(file)) {
            throw new IllegalStateException("no such OASIS schema here: " + iri + " (looked for " + file + ")");
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schemas beside the project root ({@code ../shared} of it, found from the working directory upwards), or
     * where {@code EWEA_STIX_SCHEMAS} says; empty when absent.
     */
    public static Optional<StixSchemas> find() {
        return folder().map(StixSchemas::new);
    }

    static Optional<Path> folder() {
        String configured = System.getenv("EWEA_STIX_SCHEMAS");
        if (configured != null && Files.isDirectory(Path.of(configured, "schemas"))) {
            return Optional.of(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isDirectory(candidate.resolve("schemas"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * What the schemas say of a bundle (empty: valid): the objects of the types {@code bundle.json} does not list
     * against their own schema, the rest as a bundle against {@code bundle.json}.
     */
    public List<String> bundleErrors(String json) {
        JsonNode root = JSON.readTree(json);
        List<String> errors = new ArrayList<>();
        if (root.isObject()
                && root.get("objects") != null
                && root.get("objects").isArray()) {
            ObjectNode rest = ((ObjectNode) root).deepCopy();
            ArrayNode kept = rest.putArray("objects");
            int i = 0;
            for (JsonNode o : root.get("objects")) {
                Schema own = o.get("type") == null
                        ? null
                        : unlisted.get(o.get("type").asString());
                if (own == null) {
                    kept.add(o);
                } else {
                    String at = "/objects/" + i + " (" + o.get("type").asString() + "): ";
                    own.validate(JSON.writeValueAsString(o), InputFormat.JSON).forEach(e -> errors.add(at + e));
                }
                i++;
            }
            if (!kept.isEmpty()) {
                bundle.validate(JSON.writeValueAsString(rest), InputFormat.JSON).forEach(e -> errors.add(e.toString()));
            }
            return errors;
        }
        bundle.validate(json, InputFormat.JSON).forEach(e -> errors.add(e.toString()));
        return errors;
    }
}
