package org.ewea.methodology.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Optional;
import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GradingSchemesTests {

    private static final GradingSchemes GRADING =
            new MethodologyLoader().load(null).grading();

    @ParameterizedTest
    @CsvSource({
        "admiralty, b2, B2",
        "admiralty, F 6, F6",
        "uk-3x5x2, 1/A/P, 1AP",
        "uk-3x5x2, 2B, 2BC",
        "europol, A1-H2, A1-H2",
        "europol, x4, X4-H0",
        "europol, B 3 h3, B3-H3"
    })
    void parsesWrittenGradesAndFillsDefaults(String scheme, String text, String canonical) {
        assertThat(GRADING.parse(scheme, text).text()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({
        "admiralty, G1",
        "admiralty, A7",
        "admiralty, A",
        "uk-3x5x2, 4A",
        "uk-3x5x2, 1AX",
        "europol, D1",
        "europol, A5",
        "europol, A1-H4",
        "europol, ''"
    })
    void rejectsInvalidCodesSayingWhatIsValid(String scheme, String text) {
        assertThatExceptionOfType(InvalidGradeException.class)
                .isThrownBy(() -> GRADING.parse(scheme, text))
                .withMessageContaining("'" + text + "'")
                .withMessageContaining("expected");
    }

    @Test
    void explainsTheFormatInTheMessage() {
        assertThatExceptionOfType(InvalidGradeException.class)
                .isThrownBy(() -> GRADING.parse("europol", "Z9"))
                .withMessage("invalid Europol evaluation and handling codes grade 'Z9': expected source reliability"
                        + " A, B, C or X, then information accuracy 1, 2, 3 or 4, then optionally handling code H0,"
                        + " H1, H2 or H3");
        assertThatExceptionOfType(InvalidGradeException.class)
                .isThrownBy(() -> GRADING.parse("nato", "A1"))
                .withMessageContaining("unknown grading scheme 'nato'");
    }

    @Test
    void mapsBetweenSchemesByScoreAndKeepsUnknownAsUnknown() {
        assertThat(GRADING.convert(GRADING.parse("admiralty", "A1"), "europol").text())
                .isEqualTo("A1-H0");
        assertThat(GRADING.convert(GRADING.parse("admiralty", "B2"), "europol").text())
                .isEqualTo("B2-H0");
        assertThat(GRADING.convert(GRADING.parse("admiralty", "F6"), "europol").text())
                .isEqualTo("X4-H0");
        assertThat(GRADING.convert(GRADING.parse("admiralty", "F6"), "uk-3x5x2").text())
                .isEqualTo("2DC");
        assertThat(GRADING.convert(GRADING.parse("admiralty", "E5"), "uk-3x5x2").text())
                .isEqualTo("3EC");
        assertThat(GRADING.convert(GRADING.parse("europol", "C3-H2"), "uk-3x5x2")
                        .text())
                .isEqualTo("3CC");
        assertThat(GRADING.convert(GRADING.parse("uk-3x5x2", "1AP"), "europol").text())
                .isEqualTo("A1-H0");
        assertThat(GRADING.convert(GRADING.parse("uk-3x5x2", "1AP"), "admiralty")
                        .text())
                .isEqualTo("A1");
    }

    @Test
    void anItemGradeOverridesTheSourceDefaultPerDimension() {
        Grade source = GRADING.parse("europol", "B2-H1");
        assertThat(GRADING.effective(source, Optional.empty()).text()).isEqualTo("B2-H1");
        assertThat(GRADING.effective(source, Optional.of(GRADING.parse("europol", "A1-H3")))
                        .text())
                .isEqualTo("A1-H3");
        assertThat(GRADING.effective(source, Optional.of(GRADING.parse("admiralty", "C3")))
                        .text())
                .as("an Admiralty override is mapped; the source's handling code stays")
                .isEqualTo("B3-H1");
    }
}
