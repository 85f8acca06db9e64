package org.ewea.scoring.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommonWordsTests {

    private static final CommonWords WORDS = CommonWords.forLanguages(List.of("en", "de"));

    @Test
    void rolesWeekdaysShoutedWordsAndCurrenciesAreWords() {
        assertThat(List.of(
                        "Support",
                        "Victim",
                        "Wallet Only Victim",
                        "Monday",
                        "Februar",
                        "READ",
                        "USD",
                        "Latin",
                        "Germany",
                        "Thank You."))
                .allSatisfy(
                        label -> assertThat(WORDS.wordsOnly(label)).as(label).isTrue());
    }

    @Test
    void namesAndNameOnlyFormsAreNotWords() {
        assertThat(List.of(
                        "Conti",
                        "Black Basta",
                        "Qilin",
                        "RansomHub",
                        "APT36",
                        "Storm-0558",
                        "Thanks Conti",
                        "SRG",
                        "Hive"))
                .allSatisfy(
                        label -> assertThat(WORDS.wordsOnly(label)).as(label).isFalse());
    }

    @Test
    void onlyTheGivenWordsWhenBuiltFromAList() {
        CommonWords few = CommonWords.of(List.of("support"));
        assertThat(few.wordsOnly("Support")).isTrue();
        assertThat(few.wordsOnly("Monday")).isFalse();
        assertThat(few.contains("SUPPORT")).isTrue();
    }
}
