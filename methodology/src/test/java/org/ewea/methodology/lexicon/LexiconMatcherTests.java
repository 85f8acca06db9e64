package org.ewea.methodology.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconMatcherTests {

    private static final LexiconMatcher MATCHER = LexiconMatcher.compile(List.of(
            new LexiconTerm("voice-cloning", "voice cloning", "en", false),
            new LexiconTerm("voice-cloning", "Stimmklonen", "de", false),
            new LexiconTerm("voice-cloning", "clonage de voix", "fr", false),
            new LexiconTerm("voice-cloning", "clonación de voz", "es", false),
            new LexiconTerm("voice-cloning", "klonowanie głosu", "pl", false),
            new LexiconTerm("raas", "ransomware-as-a-service", "en", false),
            new LexiconTerm("raas", "RaaS", "en", true),
            new LexiconTerm("ransomware", "ransomware", "en", false),
            new LexiconTerm("drones", "drone", "en", false),
            new LexiconTerm("drones", "Drohne", "de", false),
            new LexiconTerm("mixers", "crypto mixer", "en", false),
            new LexiconTerm("mixers", "mixer", "en", false),
            new LexiconTerm("precursors", "Grundstoff", "de", false),
            new LexiconTerm("wallet-drainers", "wallet drainer", "en", false),
            new LexiconTerm("wallet-drainers", "drainer", "en", false),
            new LexiconTerm("bulletproof", "bulletproof hosting", "en", false),
            new LexiconTerm("iab", "initial access broker", "en", false),
            new LexiconTerm("iab", "IAB", "en", true)));

    private static List<String> ids(String text) {
        return MATCHER.match(text).stream().map(LexiconMatch::technologyId).toList();
    }

    @Test
    void foldsCaseAndDiacriticsAndReportsOriginalOffsets() {
        String text = "Neue STIMMKLONEN-Dienste; « Clonage de VOIX » et clonacion de voz, klonowanie glosu.";
        List<LexiconMatch> matches = MATCHER.match(text);
        assertThat(matches)
                .extracting(LexiconMatch::technologyId)
                .containsOnly("voice-cloning")
                .hasSize(4);
        assertThat(matches)
                .extracting(LexiconMatch::text)
                .containsExactly("STIMMKLONEN", "Clonage de VOIX", "clonacion de voz", "klonowanie glosu");
        LexiconMatch first = matches.getFirst();
        assertThat(text.substring(first.start(), first.end())).isEqualTo("STIMMKLONEN");
        assertThat(first.language()).isEqualTo("de");
    }

    @Test
    void keepsOffsetsRightAfterCharactersThatFoldToTwo() {
        String text = "Straße: Grundstoffe für Drohnen";
        List<LexiconMatch> matches = MATCHER.match(text);
        assertThat(matches).extracting(LexiconMatch::text).containsExactly("Grundstoffe", "Drohnen");
        assertThat(text.substring(matches.get(1).start(), matches.get(1).end())).isEqualTo("Drohnen");
    }

    @Test
    void matchesInflectedFormsOfTheHeadWord() {
        assertThat(ids("Two drones and three wallet drainers")).containsExactly("drones", "wallet-drainers");
        assertThat(ids("Drohnen über dem Gefängnis")).containsExactly("drones");
        assertThat(ids("Crypto mixers laundered funds")).containsExactly("mixers");
        assertThat(ids("clonages de voix")).containsExactly("voice-cloning");
    }

    @Test
    void treatsHyphensAndSpacesAlikeAndPrefersTheLongestTerm() {
        assertThat(ids("A ransomware as a service affiliate")).containsExactly("raas");
        assertThat(ids("Ransomware-as-a-Service")).containsExactly("raas");
        assertThat(ids("plain ransomware")).containsExactly("ransomware");
        assertThat(ids("a crypto mixer, a mixer")).containsExactly("mixers", "mixers");
    }

    @Test
    void respectsWordBoundaries() {
        assertThat(ids("droneless undrone mixerboard remixer")).isEmpty();
        assertThat(ids("voice clonings? no: voice, cloning. Voice\ncloning")).containsExactly("voice-cloning");
    }

    @Test
    void matchesAcronymsOnlyWithTheirCase() {
        assertThat(ids("New RaaS program; IABs sell access")).containsExactly("raas", "iab");
        assertThat(ids("raas iab Iab")).isEmpty();
    }

    @Test
    void findsNothingInEmptyOrUnrelatedText() {
        assertThat(MATCHER.match("")).isEmpty();
        assertThat(MATCHER.match("The weather is nice today. 12345 -- !!!")).isEmpty();
    }

    @Test
    void foldsTheSpecialLetters() {
        assertThat(TextFolding.fold("Straße Æther Œuvre Øre Łódź Đakovo"))
                .isEqualTo("strasse aether oeuvre ore lodz dakovo");
    }
}
