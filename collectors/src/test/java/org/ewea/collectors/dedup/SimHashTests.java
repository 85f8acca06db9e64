package org.ewea.collectors.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHashTests {

    private static final String ARTICLE = "Police in three countries dismantled an encrypted phone network used by"
            + " drug traffickers to coordinate cocaine shipments through the ports of Antwerp and Rotterdam, seizing"
            + " servers and arresting the administrators of the service after a two year investigation.";

    @Test
    void nearIdenticalTextsAreWithinTheDistance() {
        long original =
                SimHash.of("Encrypted phone network dismantled", ARTICLE).orElseThrow();
        long syndicated = SimHash.of(
                        "Encrypted phone network dismantled",
                        ARTICLE.replace("two year", "two-year").replace("Police", "police"))
                .orElseThrow();
        long retitled =
                SimHash.of("Encrypted phones: network taken down", ARTICLE).orElseThrow();
        assertThat(SimHash.distance(original, syndicated)).isLessThanOrEqualTo(SimHash.MAX_DISTANCE);
        assertThat(SimHash.distance(original, retitled)).isLessThan(16);
    }

    @Test
    void differentTextsAreFarApartAndShortTextsGetNoFingerprint() {
        long a = SimHash.of("Encrypted phone network dismantled", ARTICLE).orElseThrow();
        long b = SimHash.of(
                        "New infostealer sold on forums",
                        "A new information stealer is sold by subscription on"
                                + " Russian-speaking forums, targeting browser cookies and crypto wallets.")
                .orElseThrow();
        assertThat(SimHash.distance(a, b)).isGreaterThan(SimHash.MAX_DISTANCE * 3);
        assertThat(SimHash.of("Short", "too few words")).isEmpty();
        assertThat(SimHash.bands(a)).hasSize(4).allMatch(k -> k.matches("[0-3]:[0-9a-f]{1,4}"));
    }
}
