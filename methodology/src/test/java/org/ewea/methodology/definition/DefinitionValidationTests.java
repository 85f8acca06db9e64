package org.ewea.methodology.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of definition error is reported with file, line and reason. */
class DefinitionValidationTests {

    @TempDir
    Path dir;

    private static final String ENTRY = """
            technologies:
              - id: %s
                broader: %s
                labels:
                  en: [test term]
                  de: [Testbegriff]
                  fr: [terme de test]
                  es: [término de prueba]
                  it: [termine di prova]
                  nl: [testterm]
                  pl: [termin testowy]
                description: A test entry.
                crimeAreas: [%s]
            """;

    private DefinitionException loadFails(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
        try {
            new MethodologyLoader().load(dir);
        } catch (DefinitionException e) {
            assertThat(e.file()).isEqualTo(dir.resolve(file).toString());
            return e;
        }
        throw new AssertionError("loading " + file + " should have failed");
    }

    @Test
    void rejectsUnknownKeysNamingTheLine() throws IOException {
        DefinitionException e =
                loadFails("taxonomy.yaml", ENTRY.formatted("new-tech", "drones", "drugs") + "    colour: red\n");
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.getMessage()).contains("taxonomy.yaml:14").contains("colour");
    }

    @Test
    void rejectsMalformedYaml() throws IOException {
        DefinitionException e = loadFails("taxonomy.yaml", "technologies:\n  - id: [unclosed\n");
        assertThat(e.line()).isPositive();
    }

    @Test
    void rejectsUnknownReferencesAtTheEntry() throws IOException {
        DefinitionException broader =
                loadFails("taxonomy.yaml", ENTRY.formatted("new-tech", "no-such-parent", "drugs"));
        assertThat(broader.line()).isEqualTo(2);
        assertThat(broader.reason()).contains("'new-tech'").contains("broader 'no-such-parent' is not a taxonomy id");

        DefinitionException area = loadFails("taxonomy.yaml", ENTRY.formatted("new-tech", "drones", "piracy"));
        assertThat(area.reason()).contains("crime area 'piracy'");
    }

    @Test
    void rejectsMissingLanguagesAndBadIds() throws IOException {
        DefinitionException language = loadFails(
                "taxonomy.yaml", ENTRY.formatted("new-tech", "drones", "drugs").replace("      nl: [testterm]\n", ""));
        assertThat(language.reason()).contains("labels.nl is required");

        DefinitionException id = loadFails("taxonomy.yaml", ENTRY.formatted("New Tech", "drones", "drugs"));
        assertThat(id.reason()).contains("lower-case");
    }

    @Test
    void rejectsCyclesInTheHierarchy() throws IOException {
        DefinitionException cycle = loadFails(
                "taxonomy.yaml",
                ENTRY.formatted("loop-a", "loop-b", "drugs")
                        + ENTRY.formatted("loop-b", "loop-a", "drugs").replace("technologies:\n", ""));
        assertThat(cycle.reason()).contains("loops back");
    }

    @Test
    void rejectsOutOfRangeHarm() throws IOException {
        DefinitionException harm = loadFails(
                "taxonomy.yaml",
                ENTRY.formatted("new-tech", "drones", "drugs")
                        + "    harm: {physical: 9, psychological: 0, financial: 0, community: 0, societal: 0, geographic: 0,"
                        + " vulnerability: 0}\n");
        assertThat(harm.reason()).contains("harm.physical must be 0 to 4");
    }

    @Test
    void rejectsPlaybooksThatLeaveACategoryUncovered() throws IOException {
        String taxonomy = ENTRY.formatted("new-category", "null", "drugs").replace("    broader: null\n", "")
                + "    harm: {physical: 1, psychological: 1, financial: 1, community: 1, societal: 1, geographic: 1,"
                + " vulnerability: 1}\n";
        Files.writeString(dir.resolve("taxonomy.yaml"), taxonomy);
        Files.writeString(dir.resolve("playbooks.yaml"), """
                recommendations:
                  - id: ws-analyst-watch
                    categories: [crime-as-a-service]
                    stages: [weak-signal]
                    audience: analyst
                    action: preparedness
                    title: Narrowed
                    text: Narrowed to one category.
                    owner: Analyst
                    review: P30D
                    done: Done.
                """);
        DefinitionException e = null;
        try {
            new MethodologyLoader().load(dir);
        } catch (DefinitionException thrown) {
            e = thrown;
        }
        assertThat(e).isNotNull();
        assertThat(e.reason())
                .contains("category 'fraud-and-social-engineering'")
                .contains("weak-signal")
                .contains("'analyst'");
    }

    @Test
    void rejectsBadPlaybookValues() throws IOException {
        DefinitionException e = loadFails("playbooks.yaml", """
                recommendations:
                  - id: extra
                    categories: ["*"]
                    stages: [weak-signal]
                    audience: journalists
                    action: preparedness
                    title: T
                    text: T
                    owner: O
                    review: P30D
                    done: D
                """);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.reason()).contains("audience 'journalists' must be one of");
        DefinitionException review = loadFails("playbooks.yaml", """
                recommendations:
                  - id: extra
                    categories: ["*"]
                    stages: [weak-signal]
                    audience: analyst
                    action: preparedness
                    title: T
                    text: T
                    owner: O
                    review: monthly
                    done: D
                """);
        assertThat(review.reason()).contains("ISO-8601 period");
    }

    @Test
    void rejectsStageRulesOnUnknownIndicatorsAndOperators() throws IOException {
        String stages = """
                stages:
                  - {id: a, name: A, description: A}
                  - {id: b, name: B, description: B}
                  - {id: c, name: C, description: C}
                  - {id: d, name: D, description: D}
                indicators:
                  - {id: volume, name: Volume, unit: items, description: Items.}
                transitions:
                  - from: a
                    to: b
                    all:
                      - {indicator: %s, op: "%s", value: 1}
                    rationale: Because.
                """;
        assertThat(loadFails("stages.yaml", stages.formatted("velocity", ">=")).reason())
                .contains("unknown indicator 'velocity'");
        assertThat(loadFails("stages.yaml", stages.formatted("volume", "=>")).reason())
                .contains("unknown operator '=>'");
    }

    @Test
    void rejectsCuesWithBadLanguagesOrBlankPhrases() throws IOException {
        String stages = """
                stages:
                  - {id: a, name: A, description: A}
                indicators:
                  - {id: offers, name: Offers, unit: items, description: Items., cues: {%s}}
                """;
        assertThat(loadFails("stages.yaml", stages.formatted("English: [for sale]"))
                        .reason())
                .contains("'English' is not a language tag");
        assertThat(loadFails("stages.yaml", stages.formatted("en: [for sale, '  ']"))
                        .reason())
                .contains("cues.en needs one or more non-blank phrases");
        assertThat(loadFails("stages.yaml", stages.formatted("en: []")).reason())
                .contains("cues.en needs one or more non-blank phrases");
    }

    @Test
    void rejectsAuthorityWarningsOfUnknownTechnologiesOrWithBadDates() throws IOException {
        String warnings = """
                warnings:
                  - {technology: %s, authority: FBI IC3, date: "%s", title: An alert}
                """;
        assertThat(loadFails("authority-warnings.yaml", warnings.formatted("teleportation", "2012-05"))
                        .reason())
                .contains("is not a technology of the taxonomy");
        assertThat(loadFails("authority-warnings.yaml", warnings.formatted("ransomware", "May 2012"))
                        .reason())
                .contains("date 'May 2012' is not YYYY-MM-DD or YYYY-MM");
    }

    @Test
    void rejectsHedgesWithoutCuesOrBlank() throws IOException {
        String stages = """
                stages:
                  - {id: a, name: A, description: A}
                indicators:
                  - {id: offers, name: Offers, unit: items, description: Items., %s}
                """;
        assertThat(loadFails("stages.yaml", stages.formatted("hedges: {en: [could]}"))
                        .reason())
                .contains("only an indicator with cues can have hedges");
        assertThat(loadFails("stages.yaml", stages.formatted("cues: {en: [for sale]}, hedges: {en: ['']}"))
                        .reason())
                .contains("hedges.en needs one or more non-blank phrases");
    }

    @Test
    void rejectsInvalidGradingAndRiskDefinitions() throws IOException {
        assertThat(loadFails("grading.yaml", """
                schemes:
                  - id: custom
                    name: Custom
                    dimensions:
                      - id: source
                        kind: reliability
                        name: Source
                        codes:
                          - {code: A, meaning: Good, score: 1.0}
                """).reason()).contains("kind 'reliability' must be one of");
        Files.delete(dir.resolve("grading.yaml"));
        assertThat(loadFails("risk-matrix.yaml", """
                harmScale: [{value: 0, label: None}]
                harmWeights: {physical: 1}
                likelihood: [{value: 1, label: Rare}]
                position: [{value: 1, label: Well placed, factor: 1}]
                confidence: [{id: high, label: High, factor: 1, description: x}]
                priorities: [{id: P1, label: Critical, minScore: 0, review: P14D}]
                """).reason())
                .contains("harmWeights must give exactly the harm dimensions");
    }

    @Test
    void rejectsAMissingOverrideDirectory() {
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> new MethodologyLoader().load(dir.resolve("missing")))
                .withMessageContaining("EWEA_METHODOLOGY_DIR");
    }
}
