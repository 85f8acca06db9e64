package org.ewea.alerts.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ewea.alerts.alert.Alert;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our STIX bundles against the official OASIS STIX 2.1 schemas (draft 2020-12, offline), for every alert kind and
 * every TLP marking, plus the rules the schemas cannot state ({@link StixRules}: modified not before created,
 * references to objects in the bundle of the right type) and ids that stay the same across exports. Skipped, saying
 * so, where ../shared/reference/stix2-json-schemas is absent.
 */
class StixSchemaTests {

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static StixSchemas schemas;

    @BeforeAll
    static void load() {
        schemas = StixSchemas.find().orElse(null);
    }

    private static StixSchemas schemas() {
        Assumptions.assumeTrue(
                schemas != null,
                "the OASIS STIX 2.1 schemas are not here: no " + StixSchemas.FOLDER
                        + " beside the project root (or EWEA_STIX_SCHEMAS); skipped");
        return schemas;
    }

    /** Every kind of subject an alert can have, under every TLP 2.0 marking. */
    private static List<Alert> everyKindAndMarking() {
        List<Alert> alerts = new ArrayList<>();
        String[][] subjects = {
            {"technology", "voice-cloning"},
            {"cve", "cve:CVE-2026-1111"},
            {"attack-group", "attack-group:FIN7"},
            {"attack-software", "attack-software:Cobalt Strike"},
            {"term", "term:fangtooth"},
            {"novel-term", "nightspire"},
            {"watch-term", "encrochat"}
        };
        int n = 0;
        for (String[] s : subjects) {
            for (Tlp tlp : Tlp.values()) {
                alerts.add(ExportersTests.alert("a" + n++, s[0], s[1], tlp, n % 3 == 0 ? null : 0.1 * (n % 10)));
            }
        }
        return alerts;
    }

    @Test
    void theOasisExamplesValidate() throws IOException {
        StixSchemas s = schemas();
        Path examples = StixSchemas.folder().orElseThrow().resolve("examples");
        List<Path> bundles;
        try (Stream<Path> files = Files.walk(examples)) {
            bundles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        int checked = 0;
        for (Path p : bundles) {
            String json = Files.readString(p);
            if (!json.contains("\"type\": \"bundle\"") && !json.contains("\"type\":\"bundle\"")) {
                continue;
            }
            assertThat(s.bundleErrors(json)).as(p.getFileName().toString()).isEmpty();
            checked++;
        }
        assertThat(checked).as("the OASIS example bundles").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aBrokenBundleFailsTheSchema() {
        StixSchemas s = schemas();
        String broken = """
                {"type": "bundle", "id": "bundle--8f2b3a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c", "objects": [
                  {"type": "note", "spec_version": "2.1", "id": "note--0d3c6f2a-5b1e-4c7d-8e9f-a0b1c2d3e4f5",
                   "created": "yesterday", "modified": "2026-03-02T08:00:00.000Z", "object_refs": []}]}
                """;
        assertThat(s.bundleErrors(broken))
                .as("a bad timestamp, no content, empty refs")
                .isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertKindUnderEveryMarkingExportsAValidBundle() {
        StixSchemas s = schemas();
        List<Alert> alerts = everyKindAndMarking();
        Map<String, Object> bundle = new StixExporter(METHODOLOGY).bundle(alerts, T.plusSeconds(3600));
        String json = JSON.writeValueAsString(bundle);

        assertThat(s.bundleErrors(json)).as(json).isEmpty();
        Map<String, Object> read = JSON.readValue(json, Map.class);
        assertThat(StixRules.violations(read)).isEmpty();
        assertThat((List<Map<String, Object>>) read.get("objects"))
                .extracting(o -> o.get("type"))
                .contains(
                        "note",
                        "vulnerability",
                        "intrusion-set",
                        "tool",
                        "attack-pattern",
                        "report",
                        "identity",
                        "marking-definition");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExportLaterHasTheSameIdsAndTheSameIdentity() {
        List<Alert> alerts = everyKindAndMarking();
        Map<String, Object> first = new StixExporter(METHODOLOGY).bundle(alerts, T.plusSeconds(3600));
        Map<String, Object> later = new StixExporter(METHODOLOGY).bundle(alerts, T.plusSeconds(86_400 * 30));
        List<Map<String, Object>> a = (List<Map<String, Object>>) first.get("objects");
        List<Map<String, Object>> b = (List<Map<String, Object>>) later.get("objects");
        assertThat(b)
                .extracting(o -> o.get("id"))
                .containsExactlyInAnyOrderElementsOf(
                        a.stream().map(o -> o.get("id")).toList());
        Map<String, Object> identity = a.stream()
                .filter(o -> o.get("type").equals("identity"))
                .findFirst()
                .orElseThrow();
        assertThat(b)
                .filteredOn(o -> o.get("type").equals("identity"))
                .singleElement()
                .as("the same object, not a new version at every export")
                .isEqualTo(identity);
    }
}
