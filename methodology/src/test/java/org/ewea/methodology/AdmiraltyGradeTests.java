package org.ewea.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdmiraltyGradeTests {

    @Test
    void parsesAndPrintsCodes() {
        AdmiraltyGrade grade = AdmiraltyGrade.parse("b2");
        assertThat(grade.source()).isEqualTo(SourceReliability.B);
        assertThat(grade.information()).isEqualTo(InformationCredibility.PROBABLY_TRUE);
        assertThat(grade.code()).isEqualTo("B2");
        assertThat(AdmiraltyGrade.UNGRADED.code()).isEqualTo("F6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "B", "G1", "A0", "A7", "2B", "B22", "Ä1"})
    void rejectsInvalidCodesSayingWhatIsValid(String code) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AdmiraltyGrade.parse(code))
                .withMessageContaining("A-F")
                .withMessageContaining("1-6");
    }
}
