package org.ewea.collectors.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinguaLanguageDetectorTests {

    private static final LinguaLanguageDetector DETECTOR =
            new LinguaLanguageDetector(List.of("en", "de", "fr", "es", "it", "nl", "pl", "pt", "ru", "uk"));

    @Test
    void detectsTheLanguagesOfTheMethodologyAndOfUndergroundForums() {
        assertThat(DETECTOR.detect("Criminals are using cloned voices to impersonate company directors."))
                .contains("en");
        assertThat(DETECTOR.detect("Betrüger nutzen geklonte Stimmen, um sich als Geschäftsführer auszugeben."))
                .contains("de");
        assertThat(DETECTOR.detect("Les escrocs utilisent des voix clonées pour se faire passer pour des dirigeants."))
                .contains("fr");
        assertThat(DETECTOR.detect("Oszuści używają sklonowanych głosów, aby podszywać się pod prezesów firm."))
                .contains("pl");
        assertThat(DETECTOR.detect("Продаю свежие логи стилера, оплата только в биткоинах через гарант."))
                .contains("ru");
    }

    @Test
    void saysNothingAboutTextsTooShortToTell() {
        assertThat(DETECTOR.detect("RaaS panel")).isEmpty();
        assertThat(DETECTOR.detect("")).isEmpty();
    }
}
