package org.ewea.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.ewea.methodology.definition.DefinitionException;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRuleFileTests {

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private final AlertRuleFile file = new AlertRuleFile(new AlertRuleValidator(METHODOLOGY));

    @TempDir
    Path dir;

    @Test
    void theShippedRulesAreValidAndCoverEveryType() {
        List<AlertRule> rules = file.read(null);
        assertThat(rules).extracting(AlertRule::type).containsAll(List.of(RuleType.values()));
        assertThat(rules)
                .filteredOn(r -> r.id().equals("stage-emerging"))
                .singleElement()
                .satisfies(r -> assertThat(r.quiet()).isEqualTo(Duration.ofDays(14)));
    }

    @Test
    void anInvalidRuleIsReportedWithFileLineAndReason() throws Exception {
        Path rules = dir.resolve("alert-rules.yaml");
        Files.writeString(rules, """
                rules:
                  - id: fine
                    name: Fine
                    type: priority
                    maxPriority: P1
                  - id: broken
                    name: Broken
                    type: stage-transition
                    stages: [viral]
                """);
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> file.read(rules))
                .satisfies(e -> {
                    assertThat(e.file()).isEqualTo(rules.toString());
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.reason()).contains("rule 'broken'", "unknown stage 'viral'");
                });
    }

    @Test
    void unknownKeysAndDuplicateIdsAreErrors() throws Exception {
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(
                unknown,
                "rules:\n  - id: a\n    name: A\n    type: priority\n    maxPriority: P1\n" + "    severity: high\n");
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> file.read(unknown))
                .withMessageContaining("severity");
        Path twice = dir.resolve("twice.yaml");
        Files.writeString(
                twice,
                "rules:\n  - {id: a, name: A, type: priority, maxPriority: P1}\n"
                        + "  - {id: a, name: B, type: priority, maxPriority: P2}\n");
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> file.read(twice))
                .withMessageContaining("used twice");
    }

    @Test
    void eachTypeSaysWhatItNeeds() {
        AlertRuleValidator validator = new AlertRuleValidator(METHODOLOGY);
        assertThat(validator.problems(new AlertRule(
                        "s",
                        "S",
                        RuleType.SCORE,
                        null,
                        List.of("planet"),
                        null,
                        0,
                        1.5,
                        "sometimes",
                        null,
                        0,
                        null,
                        null,
                        null,
                        Duration.ofDays(-1))))
                .extracting(RuleProblem::field)
                .containsExactlyInAnyOrder(
                        "kinds", "withinDays", "minScore", "authoritative", "minEvidence", "cooldown");
        assertThat(validator.problems(new AlertRule(
                        "w",
                        "W",
                        RuleType.WATCHLIST,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        null)))
                .extracting(RuleProblem::field)
                .containsExactly("watch");
        assertThat(validator.problems(new AlertRule(
                        "g",
                        "G",
                        RuleType.COLLECTION_GAP,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("ASLEEP"),
                        0,
                        null)))
                .extracting(RuleProblem::field)
                .containsExactlyInAnyOrder("statuses", "minFailures");
        assertThat(validator.problems(new AlertRule(
                        "Bad Id",
                        "",
                        RuleType.PRIORITY,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "P9",
                        null,
                        null,
                        null,
                        null,
                        null)))
                .extracting(RuleProblem::field)
                .containsExactlyInAnyOrder("id", "name", "maxPriority");
        assertThat(validator.problems(new AlertRule(
                        "n",
                        "N",
                        RuleType.NOVEL_TERM,
                        null,
                        List.of("term"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        1,
                        null,
                        null,
                        null,
                        null)))
                .extracting(RuleProblem::reason)
                .containsExactly("has unknown kind 'term': expected [dark-web, open]");
        assertThat(validator.problems(new AlertRule(
                        "n",
                        "N",
                        RuleType.NOVEL_TERM,
                        null,
                        List.of("dark-web"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        1,
                        null,
                        null,
                        null,
                        null)))
                .isEmpty();
    }
}
