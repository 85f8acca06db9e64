package org.ewea.methodology.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Test;

class RiskMatrixTests {

    private static final RiskMatrix MATRIX = new MethodologyLoader().load(null).riskMatrix();

    @Test
    void combinesHarmLikelihoodPositionAndConfidenceIntoAPriority() {
        HarmProfile severe = new HarmProfile(4, 4, 3, 4, 4, 3, 4);
        RiskAssessment assessment = MATRIX.assess(severe, 5, 3, "high");
        assertThat(assessment.harmIndex()).isBetween(3.5, 4.0);
        assertThat(assessment.risk()).isEqualTo(assessment.harmIndex() * 5);
        assertThat(assessment.score()).isEqualTo(assessment.risk() * 1.2);
        assertThat(assessment.priority().id()).isEqualTo("P1");
        assertThat(assessment.rationale())
                .contains("likelihood 5 (almost certain)")
                .contains("P1 Critical")
                .contains("review every 14 days");
    }

    @Test
    void lowHarmOrLowLikelihoodGivesALowPriority() {
        assertThat(MATRIX.assess(new HarmProfile(0, 1, 1, 0, 1, 1, 0), 2, 1, "low")
                        .priority()
                        .id())
                .isEqualTo("P4");
        assertThat(MATRIX.assess(new HarmProfile(0, 0, 0, 0, 0, 0, 0), 5, 4, "high")
                        .score())
                .isZero();
    }

    @Test
    void aWorseOrganisationalPositionRaisesThePriority() {
        HarmProfile harm = new HarmProfile(2, 2, 3, 2, 3, 3, 2);
        double placed = MATRIX.assess(harm, 4, 1, "medium").score();
        double notPlaced = MATRIX.assess(harm, 4, 4, "medium").score();
        assertThat(notPlaced).isGreaterThan(placed);
    }

    @Test
    void rejectsOutOfRangeInputsByName() {
        HarmProfile harm = new HarmProfile(1, 1, 1, 1, 1, 1, 1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MATRIX.assess(harm, 6, 1, "high"))
                .withMessageContaining("likelihood");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MATRIX.assess(harm, 3, 1, "certain"))
                .withMessageContaining("confidence");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HarmProfile(5, 0, 0, 0, 0, 0, 0))
                .withMessageContaining("harm.physical");
    }
}
