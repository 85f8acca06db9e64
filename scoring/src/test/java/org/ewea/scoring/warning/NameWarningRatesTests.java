package org.ewea.scoring.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The novel-name rule's measured rates: what a warned name is scored with. */
class NameWarningRatesTests {

    private static final NameWarningRates RATES = new NameWarningRates(
            "r",
            "MITRE ATT&CK",
            LocalDate.parse("2025-10-22"),
            List.of(
                    new NameWarningRates.Rate(NameWarningRates.DARK_WEB, "a corpus", 32, 30, 6),
                    new NameWarningRates.Rate(NameWarningRates.OPEN_SOURCE, "news", 58, 0, 0)));

    @Test
    void aRateIsLaplaceSmoothedOverTheWarningsTheRecordCouldStillConfirm() {
        NameWarningRates.Rate dark = RATES.of(NameWarningRates.DARK_WEB).orElseThrow();
        assertThat(dark.probability()).isEqualTo(7 / 32.0);
        assertThat(dark.words("ATT&CK")).contains("30 names", "listed 6 later", "22%");
        assertThat(new NameWarningRates.Rate("x", "c", 0, 0, 0).probability())
                .as("nothing measured: no certainty")
                .isEqualTo(0.5);
        assertThatThrownBy(() -> new NameWarningRates.Rate("x", "c", 5, 6, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NameWarningRates.Rate("x", "c", 5, 2, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartNeverMeasuredIsScoredAtTheBestMeasuredPartsRateAndNoneWithoutAny() {
        assertThat(RATES.forScoring(NameWarningRates.OPEN_SOURCE))
                .map(NameWarningRates.Rate::rule)
                .contains(NameWarningRates.DARK_WEB);
        assertThat(RATES.forScoring(NameWarningRates.DARK_WEB))
                .map(NameWarningRates.Rate::rule)
                .contains(NameWarningRates.DARK_WEB);
        assertThat(new NameWarningRates(
                                "r",
                                "rec",
                                LocalDate.parse("2025-10-22"),
                                List.of(new NameWarningRates.Rate("open-source", "n", 4, 0, 0)))
                        .forScoring("open-source"))
                .isEmpty();
    }

    @Test
    void theShippedRatesReadAndEveryPartOfTheRuleIsCovered() {
        NameWarningRates shipped = NameWarningRates.bundled(JsonMapper.builder().build());
        assertThat(shipped.id()).isNotBlank();
        assertThat(shipped.record()).contains("MITRE ATT&CK");
        assertThat(shipped.forScoring(NameWarningRates.DARK_WEB)).isPresent();
        assertThat(shipped.forScoring(NameWarningRates.OPEN_SOURCE)).isPresent();
        assertThat(shipped.rates()).allSatisfy(r -> assertThat(r.probability()).isBetween(0.0, 1.0));
    }
}
