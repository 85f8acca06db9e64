package org.ewea.methodology.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ewea.methodology.lexicon.LexiconMatch;
import org.ewea.methodology.taxonomy.Technology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DefaultMethodologyTests {

    static Methodology methodology;

    @BeforeAll
    static void load() {
        methodology = new MethodologyLoader().load(null);
    }

    @Test
    void shipsAtLeastEightyTechnologiesInAHierarchy() {
        assertThat(methodology.taxonomy().size()).isGreaterThanOrEqualTo(80);
        assertThat(methodology.taxonomy().topLevel()).hasSizeGreaterThanOrEqualTo(8);
        for (Technology t : methodology.taxonomy().technologies()) {
            assertThat(methodology.taxonomy().topLevelOf(t.id()).isTopLevel()).isTrue();
        }
        assertThat(methodology.taxonomy().path("ransomware-as-a-service"))
                .extracting(Technology::id)
                .containsExactly("ransomware-as-a-service", "ransomware", "crime-as-a-service");
    }

    @Test
    void everyEntryHasLabelsInSevenLanguagesAndADescription() {
        for (Technology t : methodology.taxonomy().technologies()) {
            assertThat(t.labels().keySet()).as(t.id()).containsAll(List.of("en", "de", "fr", "es", "it", "nl"));
            assertThat(t.labels().keySet()).as(t.id()).containsAnyOf("pl", "pt");
            assertThat(t.description()).as(t.id()).isNotBlank();
            assertThat(t.crimeAreas()).as(t.id()).isNotEmpty();
        }
    }

    @Test
    void coversEveryEuropolCrimeAreaAndTheIoctaEnablers() {
        List<String> used = methodology.taxonomy().technologies().stream()
                .flatMap(t -> t.crimeAreas().stream())
                .distinct()
                .toList();
        assertThat(used)
                .containsAll(List.of(
                        "cybercrime",
                        "drugs",
                        "firearms",
                        "thb",
                        "migrant-smuggling",
                        "economic-financial",
                        "terrorism",
                        "cse",
                        "environmental",
                        "property",
                        "enablers"));
        for (String id : List.of(
                "ransomware-as-a-service",
                "infostealers",
                "initial-access-brokers",
                "crypter-services",
                "phishing-as-a-service",
                "crypto-mixers",
                "wallet-drainers",
                "privacy-coins",
                "encrypted-criminal-phones",
                "sim-swapping",
                "deepfake-video",
                "voice-cloning",
                "llm-misuse",
                "jailbroken-llm-services",
                "drones",
                "3d-printed-firearms",
                "gps-jammers",
                "keyless-relay-attacks",
                "darknet-vendor-shops",
                "telegram-markets",
                "drug-precursor-sourcing",
                "phishing",
                "smishing",
                "vishing",
                "business-email-compromise",
                "bulletproof-hosting",
                "money-mules")) {
            assertThat(methodology.taxonomy().find(id)).as(id).isPresent();
        }
    }

    @Test
    void theLexiconFindsTechnologiesInEveryLanguage() {
        assertThat(ids("Betrüger nutzen Stimmklonen und Deepfakes")).containsExactly("voice-cloning", "deepfake-video");
        assertThat(ids("Le clonage de voix au service de la fraude au président"))
                .containsExactly("voice-cloning", "business-email-compromise");
        assertThat(ids("Droni per il contrabbando in carcere")).contains("drones");
        assertThat(ids("Nieuwe gijzelsoftware en een geldezel")).containsExactly("ransomware", "money-mules");
        assertThat(ids("A new RaaS affiliate program sells access via IABs"))
                .containsExactly("ransomware-as-a-service", "initial-access-brokers");
        assertThat(ids("sprzedam broń z drukarki 3D")).containsExactly("3d-printed-firearms");
        assertThat(ids("The weather in Brussels is mild")).isEmpty();
    }

    @Test
    void hasAVersionIdAndSources() {
        assertThat(methodology.version()).isEqualTo("2026.11");
        assertThat(methodology.versionId()).matches("2026\\.11\\+[0-9a-f]{12}");
        assertThat(new MethodologyLoader().load(null).versionId()).isEqualTo(methodology.versionId());
        assertThat(methodology.sources()).hasSize(7).allMatch(s -> s.startsWith("classpath:"));
    }

    @Test
    void datesEveryTechnologyAuthoritiesWarnedOfFromTheirEarliestWarning() {
        var authorities = methodology.authorityWarnings();
        assertThat(authorities.all()).hasSize(116);
        assertThat(authorities.firsts()).hasSize(79);
        assertThat(authorities.first("ransomware")).get().satisfies(w -> {
            assertThat(w.authority()).isEqualTo("FBI IC3");
            assertThat(w.dateText()).isEqualTo("2012-05");
            assertThat(w.date()).isEqualTo(LocalDate.parse("2012-05-01"));
        });
        assertThat(authorities.knownOn("infostealers", LocalDate.parse("2024-10-27")))
                .isEmpty();
        assertThat(authorities.knownOn("infostealers", LocalDate.parse("2024-10-28")))
                .isPresent();
        assertThat(authorities.first("can-injection"))
                .as("undated in the record")
                .isEmpty();
    }

    @Test
    void everyTopLevelCategoryHasARecommendationPerAudienceAtEveryStage() {
        for (Technology category : methodology.taxonomy().topLevel()) {
            for (var stage : methodology.stages().stages()) {
                for (String audience : List.of("analyst", "policy", "operational", "training")) {
                    assertThat(methodology.playbooks().forCategory(category.id(), stage.id(), audience))
                            .as(category.id() + "/" + stage.id() + "/" + audience)
                            .isNotEmpty();
                }
            }
        }
        assertThat(methodology
                        .playbooks()
                        .forCategory("illicit-finance", "emerging", "operational")
                        .getFirst()
                        .id())
                .as("specific recommendations come first")
                .isEqualTo("finance-em-vasp");
    }

    private static List<String> ids(String text) {
        return methodology.lexicon().match(text).stream()
                .map(LexiconMatch::technologyId)
                .distinct()
                .toList();
    }
}
