package org.ewea.scoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.ewea.scoring.warning.AuthoritativeDates;
import org.junit.jupiter.api.Test;

class KevRulesTests {

    private static final LocalDate START = LocalDate.parse("2026-01-01");
    private static final LocalDate SPLIT = LocalDate.parse("2026-01-20");
    private static final LocalDate END = LocalDate.parse("2026-01-30");

    private static LocalDate day(int n) {
        return START.plusDays(n);
    }

    @Test
    void aRuleIsMeasuredOnTheWholeReplayAndOnItsLastThirdAsAWindowOfItsOwn() {
        KevObservations seen = new KevObservations();
        // cve:a warned on day 2, added day 10 (8 ahead); cve:b warned on day 25, added day 40; cve:c never added
        seen.mentioned("cve:a", day(2));
        seen.observe(Evaluation.RULE_FOCUSED_CUE, "cve:a", day(2), 1);
        seen.mentioned("cve:b", day(25));
        seen.observe(Evaluation.RULE_FOCUSED_CUE, "cve:b", day(25), 1);
        seen.mentioned("cve:c", day(26));
        seen.observe(Evaluation.RULE_FOCUSED_CUE, "cve:c", day(26), 1);
        AuthoritativeDates kev = new AuthoritativeDates(Map.of("cve:a", day(10), "cve:b", day(40)), "test");

        KevLeadEvaluation.Result whole = seen.result(Evaluation.RULE_FOCUSED_CUE, "r", 1, START, END, kev);
        KevLeadEvaluation.Result last = seen.result(Evaluation.RULE_FOCUSED_CUE, "r", 1, SPLIT.plusDays(1), END, kev);

        assertThat(whole.warned()).isEqualTo(3);
        assertThat(whole.warnedBeforeAdded()).isEqualTo(2);
        assertThat(whole.leads()).containsEntry("cve:a", 8L).containsEntry("cve:b", 15L);
        assertThat(last.warned()).isEqualTo(2);
        assertThat(last.warnedBeforeAdded()).isEqualTo(1);
        assertThat(last.precision()).isEqualTo(0.5);
    }

    @Test
    void theChoiceReadsOnlyTheFirstTwoThirdsAndOnlyTheLabelsKnownThen() {
        KevObservations seen = new KevObservations();
        // in the first part: the model warns x (added on day 5, known at the split) and y (added on day 35, after the
        // split: not known then); the cue rule warns x only. With what was known at the split the cue rule is the
        // more precise; with hindsight both would be perfect.
        for (String cve : new String[] {"cve:x", "cve:y", "cve:z"}) {
            seen.mentioned(cve, day(1));
            seen.observe(Evaluation.RULE_RETRAINED, cve, day(1), cve.equals("cve:z") ? 0.01 : 0.95);
            seen.observe(Evaluation.RULE_CASIE_RAW, cve, day(1), 0);
            seen.observe(Evaluation.RULE_FOCUSED_CUE, cve, day(1), cve.equals("cve:x") ? 1 : 0);
            seen.observe(Evaluation.RULE_CUE, cve, day(1), 0);
            seen.observe(Evaluation.RULE_MENTION, cve, day(1), 1);
        }
        seen.mentioned("cve:x2", day(3));
        seen.observe(Evaluation.RULE_FOCUSED_CUE, "cve:x2", day(3), 1);
        seen.observe(Evaluation.RULE_MENTION, "cve:x2", day(3), 1);
        // the last third, which the choice must not read: there the model would have been perfect, the cue rule not
        seen.mentioned("cve:w", day(25));
        seen.observe(Evaluation.RULE_RETRAINED, "cve:w", day(25), 0.9);
        seen.observe(Evaluation.RULE_FOCUSED_CUE, "cve:w", day(25), 0);
        AuthoritativeDates kev = new AuthoritativeDates(
                Map.of("cve:x", day(5), "cve:x2", day(8), "cve:y", day(35), "cve:w", day(28)), "test");

        KevRules rules = KevRules.measure(seen, kev, 0.5, START, SPLIT, END);

        assertThat(rules.chosen().id()).isEqualTo(Evaluation.RULE_FOCUSED_CUE);
        assertThat(rules.chosen().choosing().precision()).isEqualTo(1.0);
        assertThat(rules.chosen().whole().warnedBeforeAdded()).isEqualTo(2);
        assertThat(rules.chosen().last().warned()).isZero();
        assertThat(rules.frontier()).hasSize(2 * KevRules.THRESHOLDS.length);
        assertThat(rules.whole()).hasSize(6);
        assertThat(rules.lastThird()).hasSize(6);
    }

    @Test
    void aMissIsSaidExactly() {
        KevLeadEvaluation.Result r =
                new KevLeadEvaluation.Result("r", 20, 8, 16, 8, Map.of("cve:a", 4L, "cve:b", 6L), 14, Map.of());

        assertThat(Report.misses(r))
                .contains("8 CVEs warned before dateAdded instead of 10 (2 short)")
                .contains("precision 0.40 instead of 0.50 (0.10 short: 8 of 20 warnings right, 10 right for 0.50)")
                .contains("median lead 5.0 days instead of 10");
    }
}
