package org.ewea.methodology.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ewea.methodology.lexicon.LexiconMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverrideTests {

    @TempDir
    Path dir;

    @Test
    void anOverrideTaxonomyAddsAndReplacesEntriesAndChangesTheVersionId() throws IOException {
        Files.writeString(dir.resolve("taxonomy.yaml"), """
                technologies:
                  - id: drone-swarms
                    broader: drones
                    labels:
                      en: [drone swarm]
                      de: [Drohnenschwarm]
                      fr: [essaim de drones]
                      es: [enjambre de drones]
                      it: [sciame di droni]
                      nl: [droneswerm]
                      pl: [rój dronów]
                    description: Coordinated groups of drones.
                    crimeAreas: [terrorism]
                  - id: voice-cloning
                    broader: ai-and-synthetic-media
                    labels:
                      en: [voice cloning, voice skin]
                      de: [Stimmklonen]
                      fr: [clonage de voix]
                      es: [clonación de voz]
                      it: [clonazione vocale]
                      nl: [stemklonen]
                      pl: [klonowanie głosu]
                    description: Replaced by the analysts.
                    crimeAreas: [economic-financial]
                """);
        Methodology defaults = new MethodologyLoader().load(null);
        Methodology overridden = new MethodologyLoader().load(dir);

        assertThat(overridden.taxonomy().size()).isEqualTo(defaults.taxonomy().size() + 1);
        assertThat(overridden.taxonomy().find("drone-swarms")).isPresent();
        assertThat(overridden.taxonomy().find("voice-cloning").orElseThrow().description())
                .isEqualTo("Replaced by the analysts.");
        // "Drohnenschwärme" folds to "drohnenschwarme": the German plural of the new label matches too.
        assertThat(overridden.lexicon().match("Drohnenschwärme; ein Drohnenschwarm; a voice skin"))
                .extracting(LexiconMatch::technologyId)
                .containsExactly("drone-swarms", "drone-swarms", "voice-cloning");
        assertThat(defaults.lexicon().match("a voice skin")).isEmpty();
        assertThat(overridden.versionId()).isNotEqualTo(defaults.versionId()).startsWith("2026.11+");
        assertThat(overridden.sources()).contains(dir.resolve("taxonomy.yaml").toString());
    }

    @Test
    void anOverrideFileOfAnotherKindReplacesTheDefault() throws IOException {
        Files.writeString(
                dir.resolve("methodology.yaml"),
                new String(getClass()
                                .getClassLoader()
                                .getResourceAsStream("org/ewea/methodology/defaults/methodology.yaml")
                                .readAllBytes())
                        .replace("version: \"2026.11\"", "version: \"2027.01-local\""));
        Methodology methodology = new MethodologyLoader().load(dir);
        assertThat(methodology.version()).isEqualTo("2027.01-local");
        assertThat(methodology.versionId()).startsWith("2027.01-local+");
    }
}
