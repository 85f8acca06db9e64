package org.ewea.alerts.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.HistoryEntry;
import org.ewea.alerts.alert.MachineProvenance;
import org.ewea.alerts.alert.Subject;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ExportersTests {

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    static Alert alert(String id, String kind, String subject, Tlp tlp, @Nullable Double score) {
        return new Alert(
                id,
                "r|" + subject,
                "stage-emerging",
                "Entered emerging",
                new Subject(
                        kind, subject, subject.contains(":") ? subject.substring(subject.indexOf(':') + 1) : subject),
                subject + " <b>entered</b> the emerging stage",
                "growth & more",
                AlertState.ASSESSED,
                score,
                "emerging",
                "P2",
                "digital-fraud",
                tlp,
                Handling.NONE,
                "B2",
                List.of("item-1"),
                Map.of(),
                LocalDate.of(2026, 3, 1),
                T,
                T.plusSeconds(60),
                2,
                null,
                List.of(),
                null,
                List.of(),
                3);
    }

    private static final List<Alert> ALERTS = List.of(
            alert("a1", "technology", "voice-cloning", Tlp.AMBER, 0.62),
            alert("a2", "cve", "cve:CVE-2026-1111", Tlp.CLEAR, 1.0),
            alert("a3", "attack-group", "attack-group:FIN7", Tlp.RED, null),
            alert("a4", "attack-software", "attack-software:Cobalt Strike", Tlp.GREEN, 0.3),
            alert("a5", "term", "term:fangtooth", Tlp.AMBER_STRICT, 0.2),
            alert("a6", "technology", "voice-cloning", Tlp.AMBER, 0.7));

    @Test
    @SuppressWarnings("unchecked")
    void theStixBundleKeepsTheStixRulesAndMarksEveryObject() {
        Map<String, Object> bundle = new StixExporter(METHODOLOGY).bundle(ALERTS, T.plusSeconds(3600));
        // through JSON and back, as a client reads it
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> read = json.readValue(json.writeValueAsString(bundle), Map.class);
        assertThat(StixRules.violations(read)).isEmpty();
        StixSchemas.find()
                .ifPresent(schemas -> assertThat(schemas.bundleErrors(json.writeValueAsString(bundle)))
                        .as("the official OASIS schemas")
                        .isEmpty());
        List<Map<String, Object>> objects = (List<Map<String, Object>>) read.get("objects");
        assertThat(objects)
                .extracting(o -> o.get("type"))
                .contains(
                        "identity",
                        "report",
                        "attack-pattern",
                        "vulnerability",
                        "intrusion-set",
                        "tool",
                        "note",
                        "marking-definition",
                        "extension-definition");
        // the grade and the handling code travel in a documented property extension, defined once in the bundle
        assertThat(objects)
                .filteredOn(o -> o.get("type").equals("report"))
                .allSatisfy(r -> assertThat((Map<String, Object>)
                                ((Map<String, Object>) r.get("extensions")).get(StixExporter.GRADING_EXTENSION))
                        .containsEntry("extension_type", "property-extension")
                        .containsEntry("admiralty_grade", "B2")
                        .containsEntry("source_reliability", "B")
                        .containsEntry("information_credibility", "2"));
        assertThat(objects)
                .filteredOn(o -> o.get("type").equals("extension-definition"))
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .containsEntry("id", StixExporter.GRADING_EXTENSION)
                        .containsEntry("extension_types", List.of("property-extension")));
        assertThat(objects)
                .filteredOn(o -> o.get("type").equals("marking-definition"))
                .extracting(o -> o.get("id"))
                .containsExactlyInAnyOrder(
                        "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
                        "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
                        "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
                        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
                        "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
        // what the service says of itself (its identity, its extension's definition) is no collected material
        assertThat(objects)
                .filteredOn(o -> !o.get("type").equals("marking-definition")
                        && !o.get("type").equals("identity")
                        && !o.get("type").equals("extension-definition"))
                .allSatisfy(o -> assertThat(o).containsKey("object_marking_refs"));
        assertThat(objects)
                .filteredOn(o -> o.get("type").equals("attack-pattern"))
                .singleElement()
                .as("two alerts about one technology, one object")
                .satisfies(o -> assertThat(o.get("name")).isEqualTo("voice-cloning"));
        assertThat(objects)
                .filteredOn(o -> o.get("type").equals("report"))
                .hasSize(6)
                .anySatisfy(r -> assertThat(r)
                        .containsEntry("confidence", 62)
                        .containsEntry("name", "voice-cloning <b>entered</b> the emerging stage"));
        assertThat(new StixExporter(METHODOLOGY)
                        .bundle(ALERTS, T)
                        .get("objects")
                        .toString())
                .as("same alerts, same ids")
                .contains(objects.stream().map(o -> (String) o.get("id")).toList());
    }

    @Test
    void theRulesCatchWhatTheyShould() {
        Map<String, Object> broken = Map.of(
                "type",
                "bundle",
                "id",
                "bundle--1",
                "objects",
                List.of(Map.of(
                        "type",
                        "report",
                        "spec_version",
                        "2.0",
                        "id",
                        "note--3f1c5c2e-0000-4000-8000-000000000000",
                        "created",
                        "yesterday",
                        "name",
                        "",
                        "object_refs",
                        List.of("tool--nowhere"))));
        assertThat(StixRules.violations(broken))
                .anySatisfy(p -> assertThat(p).contains("bundle id"))
                .anySatisfy(p -> assertThat(p).contains("spec_version"))
                .anySatisfy(p -> assertThat(p).contains("id form"))
                .anySatisfy(p -> assertThat(p).contains("created yesterday"))
                .anySatisfy(p -> assertThat(p).contains("name is null or empty"))
                .anySatisfy(p -> assertThat(p).contains("needs published"))
                .anySatisfy(p -> assertThat(p).contains("not in the bundle"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void mispEventsCarryTheTlpTagAndTheSubject() {
        Map<String, Object> misp = new MispExporter().events(ALERTS.subList(0, 2));
        List<Map<String, Map<String, Object>>> events = (List<Map<String, Map<String, Object>>>) misp.get("response");
        assertThat(events).hasSize(2);
        Map<String, Object> cve = events.get(1).get("Event");
        assertThat(cve)
                .containsEntry("threat_level_id", "2")
                .containsEntry("analysis", "2")
                .containsEntry("date", "2026-03-02")
                .containsEntry("distribution", "0");
        assertThat(cve.get("Tag").toString()).contains("tlp:clear", "ewea:stage=\"emerging\"");
        assertThat(cve.get("Attribute").toString()).contains("type=vulnerability", "value=CVE-2026-1111");
        assertThat(events.get(0).get("Event").get("Tag").toString()).contains("tlp:amber");
        // every field the MISP core format marks MUST, on events and on attributes
        for (Map<String, Map<String, Object>> e : events) {
            assertThat(e.get("Event"))
                    .containsKeys(
                            "uuid",
                            "info",
                            "date",
                            "timestamp",
                            "threat_level_id",
                            "analysis",
                            "distribution",
                            "published",
                            "publish_timestamp",
                            "Orgc")
                    .containsEntry("published", false)
                    .containsEntry("publish_timestamp", "0");
            assertThat((Map<String, String>) e.get("Event").get("Orgc")).containsKeys("name", "uuid");
            assertThat((List<Map<String, Object>>) e.get("Event").get("Attribute"))
                    .allSatisfy(a -> assertThat(a)
                            .containsKeys(
                                    "uuid",
                                    "type",
                                    "category",
                                    "value",
                                    "to_ids",
                                    "distribution",
                                    "timestamp",
                                    "deleted")
                            .containsEntry("deleted", false)
                            .containsEntry(
                                    "timestamp", Long.toString(T.plusSeconds(60).getEpochSecond())));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyExportSaysItIsMachineDerivedByWhichModelAndWhetherAPersonReviewedIt() {
        Alert scored = alert("p1", "cve", "cve:CVE-2026-1111", Tlp.CLEAR, 0.8);
        Alert byModel = new Alert(
                scored.id(),
                scored.groupKey(),
                scored.ruleId(),
                scored.ruleName(),
                scored.subject(),
                scored.title(),
                scored.summary(),
                AlertState.NEW,
                scored.score(),
                scored.stage(),
                scored.priority(),
                scored.category(),
                scored.tlp(),
                scored.handling(),
                scored.grade(),
                scored.evidence(),
                Map.of("model", "ew-default-s33r-42", "methodology", "m-1"),
                scored.asOf(),
                scored.raisedAt(),
                scored.updatedAt(),
                1,
                null,
                List.of(),
                null,
                List.of(),
                1);
        Alert moved = new Alert(
                "p2",
                byModel.groupKey() + "2",
                byModel.ruleId(),
                byModel.ruleName(),
                byModel.subject(),
                byModel.title(),
                byModel.summary(),
                AlertState.ACKNOWLEDGED,
                null,
                null,
                null,
                null,
                Tlp.CLEAR,
                byModel.handling(),
                null,
                List.of(),
                Map.of(),
                byModel.asOf(),
                byModel.raisedAt(),
                byModel.updatedAt(),
                1,
                null,
                List.of(
                        new HistoryEntry(T, "system", "RAISED", null, AlertState.NEW, "raised"),
                        new HistoryEntry(T, "ana", "TRANSITION", AlertState.NEW, AlertState.ACKNOWLEDGED, null)),
                null,
                List.of(),
                2);

        assertThat(MachineProvenance.of(byModel).reviewLevel()).isEqualTo("unreviewed");
        assertThat(MachineProvenance.of(moved).reviewedBy()).containsExactly("ana");

        List<Object> events = (List<Object>)
                new MispExporter().events(List.of(byModel, moved)).get("response");
        List<String> first = tags(events.get(0));
        assertThat(first)
                .contains(
                        "ai-computer-assisted:assistance-level=\"ai-generated\"",
                        "ai-computer-assisted:review-level=\"unreviewed\"",
                        "ewea:model=\"ew-default-s33r-42\"");
        assertThat(tags(events.get(1)))
                .contains("ai-computer-assisted:review-level=\"human-reviewed\"")
                .noneMatch(t -> t.startsWith("ewea:model"));

        Map<String, Object> bundle = new StixExporter(METHODOLOGY).bundle(List.of(byModel), T);
        assertThat((List<Map<String, Object>>) bundle.get("objects"))
                .filteredOn(o -> o.get("type").equals("report"))
                .singleElement()
                .satisfies(r -> assertThat((List<String>) r.get("labels"))
                        .contains(
                                "ai-computer-assisted:assistance-level=ai-generated",
                                "ai-computer-assisted:review-level=unreviewed",
                                "ewea-model:ew-default-s33r-42"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> tags(Object event) {
        Map<String, Object> e = (Map<String, Object>) ((Map<String, Object>) event).get("Event");
        return ((List<Map<String, String>>) e.get("Tag"))
                .stream().map(t -> t.get("name")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMispFeedsManifestAndHashesMatchItsEventsAndTheGradeAndHandlingTravel() throws Exception {
        MispFeed feed = new MispFeed(ALERTS);
        Map<String, Object> manifest = feed.manifest();
        assertThat(manifest).hasSize(ALERTS.size());
        StringBuilder expected = new StringBuilder();
        for (Map.Entry<String, Object> entry : manifest.entrySet()) {
            Map<String, Object> event = (Map<String, Object>)
                    feed.event(entry.getKey()).orElseThrow().get("Event");
            assertThat(event).containsEntry("uuid", entry.getKey());
            Map<String, Object> header = (Map<String, Object>) entry.getValue();
            for (String field : List.of(
                    "info", "date", "timestamp", "analysis", "threat_level_id", "Orgc", "Tag", "publish_timestamp")) {
                assertThat(header).as(field).containsEntry(field, event.get(field));
            }
            for (Map<String, Object> attribute : (List<Map<String, Object>>) event.get("Attribute")) {
                expected.append(MispFeed.md5((String) attribute.get("value")))
                        .append(',')
                        .append(entry.getKey())
                        .append('\n');
            }
            assertThat((List<Map<String, String>>) event.get("Tag"))
                    .extracting(t -> t.get("name"))
                    .contains(
                            "admiralty-scale:source-reliability=\"b\"",
                            "admiralty-scale:information-credibility=\"2\"");
        }
        assertThat(feed.hashes()).isEqualTo(expected.toString());
        assertThat(MispFeed.md5("CVE-2026-1111"))
                .as("MD5 as MISP computes it")
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("MD5")
                                .digest("CVE-2026-1111".getBytes(StandardCharsets.UTF_8))));
        assertThat(feed.event("00000000-0000-0000-0000-000000000000")).isEmpty();
        Alert handled = new Alert(
                "h1",
                "g",
                "r",
                "R",
                new Subject("cve", "cve:CVE-2026-2", "CVE-2026-2"),
                "t",
                "s",
                AlertState.NEW,
                null,
                null,
                null,
                null,
                Tlp.AMBER,
                new Handling("europol", "H2", "m", 0.5),
                null,
                List.of(),
                Map.of(),
                LocalDate.of(2026, 3, 1),
                T,
                T,
                1,
                null,
                List.of(),
                null,
                List.of(),
                1);
        assertThat((List<Map<String, String>>) new MispExporter().event(handled).get("Tag"))
                .extracting(t -> t.get("name"))
                .contains("ewea:handling=\"europol:H2\"")
                .noneMatch(n -> n.startsWith("admiralty-scale"));
    }
}
