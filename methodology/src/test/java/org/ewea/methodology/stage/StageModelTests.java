package org.ewea.methodology.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Test;

class StageModelTests {

    private static final StageModel STAGES = new MethodologyLoader().load(null).stages();

    @Test
    void hasTheFourStagesInOrder() {
        assertThat(STAGES.stages())
                .extracting(Stage::id)
                .containsExactly("weak-signal", "emerging", "established", "declining");
        assertThat(STAGES.initial().id()).isEqualTo("weak-signal");
        assertThat(STAGES.indicators())
                .extracting(Indicator::id)
                .contains(
                        "volume",
                        "growth",
                        "burst",
                        "source-diversity",
                        "dark-web-share",
                        "commodification",
                        "how-to",
                        "enforcement");
    }

    @Test
    void countedIndicatorsMatchTheirCuesInEveryLanguage() {
        var cues = MethodologyLoader.cues(STAGES);
        assertThat(STAGES.indicators().stream().filter(Indicator::counted).map(Indicator::id))
                .containsExactlyInAnyOrder(
                        "commodification", "how-to", "enforcement", "exploitation", "exploit-available", "intent");
        assertThat(cues.match("Akira ransomware-as-a-service affiliates"))
                .extracting(m -> m.technologyId())
                .containsExactly("commodification");
        assertThat(cues.match("Die Lücke wird aktiv ausgenutzt"))
                .extracting(m -> m.technologyId())
                .containsExactly("exploitation");
        assertThat(cues.match("Les suspects ont été interpellés à Lyon"))
                .extracting(m -> m.technologyId())
                .containsExactly("enforcement");
        assertThat(cues.match("Patch Tuesday fixes 60 bugs")).isEmpty();
        assertThat(cues.match("A PoC for the flaw is public"))
                .extracting(m -> m.technologyId())
                .containsExactly("exploit-available");
        assertThat(cues.match("the poc of the team"))
                .as("und phrases match case-sensitively")
                .isEmpty();
        assertThat(STAGES.indicators().stream()
                        .filter(i -> i.id().equals("volume"))
                        .findFirst()
                        .orElseThrow()
                        .counted())
                .isFalse();
    }

    @Test
    void movesAWeakSignalToEmergingWhenGrowthAndDiversityHold() {
        var next = STAGES.next("weak-signal", Map.of("growth", 2.4, "source-diversity", 4.0, "volume", 5.0));
        assertThat(next).isPresent();
        assertThat(next.get().to()).isEqualTo("emerging");
        assertThat(next.get().explain(Map.of("growth", 2.4, "source-diversity", 4.0, "volume", 5.0)))
                .contains("growth 2.40 >= 2")
                .contains("source-diversity 4 >= 3");
    }

    @Test
    void staysWhenConditionsDoNotHoldOrAreMissing() {
        assertThat(STAGES.next("weak-signal", Map.of("growth", 2.4, "source-diversity", 2.0, "volume", 5.0)))
                .isEmpty();
        assertThat(STAGES.next("weak-signal", Map.of("growth", 2.4))).isEmpty();
    }

    @Test
    void needsOneOfTheAnyConditionsToEstablish() {
        Map<String, Double> broad = Map.of("source-diversity", 9.0, "volume", 20.0);
        assertThat(STAGES.next("emerging", broad)).isEmpty();
        assertThat(STAGES.next("emerging", Map.of("source-diversity", 9.0, "volume", 20.0, "how-to", 3.0)))
                .map(StageTransition::to)
                .contains("established");
    }
}
