package org.ewea.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.ewea.api.LiveApplicationTests;
import org.junit.jupiter.api.Test;

/**
 * A fresh install's demo warns early: the alert rules replayed over the demo recording named ransomware groups and
 * tools on the recorded negotiation portals before MITRE ATT&CK (the demo's copy) created their entries.
 */
class EarlyWarningsIntegrationTests extends LiveApplicationTests {

    @Test
    @SuppressWarnings("unchecked")
    void theDemoShowsEarlyWarningsTheRecordLaterConfirmedWithTheirLead() {
        Map<String, Object> page = getJsonObject("/api/v1/early-warnings?confirmed=true&size=100");
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSizeGreaterThanOrEqualTo(5);
        assertThat(items).allSatisfy(w -> {
            assertThat(((Number) w.get("leadDays")).longValue()).isPositive();
            if (((Map<String, Object>) w.get("subject")).get("kind").equals("novel-term")) {
                assertThat(((Map<String, Object>) w.get("authoritative")).get("record"))
                        .isEqualTo("MITRE ATT&CK");
            }
        });
        // a watched technology mentioned in 2016 (CTI-ANN) before Europol first warned of it (SOCTA 2017)
        assertThat(items).anySatisfy(w -> {
            assertThat(((Map<String, Object>) w.get("subject")).get("id")).isEqualTo("drones");
            assertThat(((Map<String, Object>) w.get("authoritative")).get("record"))
                    .isEqualTo("Europol");
        });
        // Akira: first chat on its portal 2023-05-29, ATT&CK G1024 created 2024-02-20
        assertThat(items).anySatisfy(w -> {
            assertThat(((Map<String, Object>) w.get("subject")).get("label")).isEqualTo("Akira");
            assertThat(w.get("warnedOn")).isEqualTo("2023-05-29");
            assertThat(((Map<String, Object>) w.get("authoritative")).get("id")).isEqualTo("G1024");
            assertThat(((Number) w.get("leadDays")).longValue()).isEqualTo(267);
        });
        // longest lead first
        List<Long> leads = items.stream()
                .map(w -> ((Number) w.get("leadDays")).longValue())
                .toList();
        assertThat(leads).isSortedAccordingTo(Comparator.reverseOrder());
        // unconfirmed ones are listed after them, without a lead
        Map<String, Object> all = getJsonObject("/api/v1/early-warnings?size=100");
        assertThat(((Number) all.get("total")).longValue()).isGreaterThan(items.size());
        anonymous.get().uri("/api/v1/early-warnings").exchange().expectStatus().isUnauthorized();
        client.get()
                .uri("/api/v1/early-warnings?size=0")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBriefingOpensOnTheDemosDayWithItsOpenEarlyWarningsFirst() {
        Map<String, Object> view = getJsonObject("/api/v1/briefing");
        assertThat(view.get("dayChosen")).isEqualTo("demo");
        assertThat(view.get("machineDerived")).isEqualTo(true);
        Map<String, Object> briefing = (Map<String, Object>) view.get("briefing");
        String asOf = (String) briefing.get("asOf");
        List<Map<String, Object>> early = (List<Map<String, Object>>) briefing.get("earlyWarnings");
        // on the demo's day at least five names are open; the record took up some of them later, none before
        assertThat(early).hasSizeGreaterThanOrEqualTo(5);
        assertThat(early).allSatisfy(l -> {
            assertThat((String) l.get("reason"))
                    .isNotBlank()
                    .doesNotContain("-28d")
                    .doesNotContain("-7d");
            Map<String, Object> entry = (Map<String, Object>) l.get("authoritative");
            if (entry != null) {
                assertThat((String) entry.get("since")).isGreaterThan(asOf);
            }
        });
        long later = early.stream().filter(l -> l.get("authoritative") != null).count();
        assertThat(later)
                .as("the demo's day is the one with the most warnings the record confirmed later")
                .isGreaterThanOrEqualTo(3);
        // any other day, asked; the confirmed names are known threats or gone from the list afterwards
        Map<String, Object> after = (Map<String, Object>)
                getJsonObject("/api/v1/briefing?asOf=2021-09-01").get("briefing");
        assertThat((List<Map<String, Object>>) after.get("earlyWarnings"))
                .extracting(l -> l.get("label"))
                .doesNotContain("Conti", "Babuk", "Avaddon");
        client.get()
                .uri("/api/v1/briefing?asOf=2999-01-01")
                .exchange()
                .expectStatus()
                .isBadRequest();
        client.get()
                .uri("/api/v1/briefing?asOf=yesterday")
                .exchange()
                .expectStatus()
                .isBadRequest();
        anonymous.get().uri("/api/v1/briefing").exchange().expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theScoresOpenOnTheSameDayWithTheWarnedNamesScoredByTheirRulesRateAndListedFirstInTheBriefing() {
        Map<String, Object> page = getJsonObject("/api/v1/scores?authoritative=exclude&size=100");
        assertThat(page.get("dayChosen")).isEqualTo("demo");
        Map<String, Object> briefing =
                (Map<String, Object>) getJsonObject("/api/v1/briefing").get("briefing");
        assertThat(page.get("asOf"))
                .as("the scores and the briefing are of one day")
                .isEqualTo(briefing.get("asOf"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items)
                .as("early warnings only: subjects no authoritative record held that day")
                .hasSizeGreaterThanOrEqualTo(5);
        List<Map<String, Object>> names = items.stream()
                .map(v -> (Map<String, Object>) v.get("score"))
                .filter(s -> s.get("kind").equals("term"))
                .toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(5).allSatisfy(s -> {
            assertThat(s.get("authoritativeSince")).isNull();
            assertThat(s.get("modelVersion"))
                    .as("a name is never scored with the CVE model")
                    .isNotNull()
                    .isNotEqualTo(page.get("model"));
            double score = ((Number) s.get("score")).doubleValue();
            assertThat(score).isStrictlyBetween(0.0, 0.5);
            Map<String, Object> explanation = (Map<String, Object>) s.get("explanation");
            assertThat((String) explanation.get("summary")).contains("novel-name rule", "MITRE ATT&CK");
            assertThat((String) explanation.get("likelihood"))
                    .startsWith(score < 0.1 ? "1:" : score < 0.25 ? "2:" : "3:");
        });
        // Conti, warned on its portal on 2020-10-17, was listed by ATT&CK on 2021-02-17: an early warning the day
        // before, a known threat that day
        assertThat(names).extracting(s -> s.get("label")).contains("Conti", "Babuk", "Avaddon");
        List<Map<String, Object>> known = ((List<Map<String, Object>>)
                        getJsonObject("/api/v1/scores?asOf=2021-02-17&kind=term&authoritative=only&size=100")
                                .get("items"))
                .stream().map(v -> (Map<String, Object>) v.get("score")).toList();
        assertThat(known).anySatisfy(s -> {
            assertThat(s.get("label")).isEqualTo("Conti");
            assertThat(s.get("authoritativeSince")).isEqualTo("2021-02-17");
            assertThat(((Number) s.get("score")).doubleValue()).isEqualTo(1.0);
        });
        // the briefing lists them first, each with its score beside the warning's words
        List<Map<String, Object>> early = (List<Map<String, Object>>) briefing.get("earlyWarnings");
        assertThat(early)
                .filteredOn(l -> l.get("score") != null)
                .extracting(l -> l.get("label"))
                .containsAll(names.stream().map(s -> s.get("label")).toList());
    }
}
