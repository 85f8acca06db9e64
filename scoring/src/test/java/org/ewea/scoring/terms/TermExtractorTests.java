package org.ewea.scoring.terms;

import static org.assertj.core.api.Assertions.assertThat;

import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Test;

class TermExtractorTests {

    private static final TermExtractor EXTRACTOR =
            new TermExtractor(new MethodologyLoader().load(null).lexicon());

    @Test
    void findsNamesWrittenLikeNames() {
        var terms = EXTRACTOR.terms(
                "",
                "The BlackSuit gang and affiliates of RansomHub hit a hospital; Storm-0558 and"
                        + " UNC3944 were blamed. Researchers at Sekoia linked it to ALPHV.");
        assertThat(terms.keySet()).contains("blacksuit", "ransomhub", "storm-0558", "unc3944", "sekoia", "alphv");
        assertThat(terms.get("blacksuit").label()).isEqualTo("BlackSuit");
    }

    @Test
    void leavesOutSentenceStartsLexiconTermsIdsAndCommonAcronyms() {
        var terms = EXTRACTOR.terms(
                "",
                "Researchers found ransomware. Attackers used a botnet and CVE-2024-3400 via"
                        + " HTTPS and the API. G0010 is known. In 2024 they earned 10M.");
        assertThat(terms.keySet())
                .doesNotContain(
                        "researchers",
                        "attackers",
                        "in",
                        "ransomware",
                        "botnet",
                        "cve-2024-3400",
                        "https",
                        "api",
                        "g0010",
                        "2024",
                        "10m");
    }

    @Test
    void readsHeadlinesForStrongFormsOnly() {
        assertThat(EXTRACTOR
                        .terms("Police Arrest Suspects Behind LockBit Attacks", "")
                        .keySet())
                .containsExactly("lockbit");
    }

    @Test
    void readsTheSpeakersOfATranscriptAsNames() {
        var terms = EXTRACTOR.terms(
                "Qilin negotiation chat 20240429",
                "Qilin: Hello. Your network is encrypted.\n"
                        + "Victim: How much?\n  Qilin: Read the note.\nPrice: see above. Later we talk\nMeanwhile nothing");
        assertThat(terms.keySet())
                .contains("qilin", "victim", "price")
                .as("a line start without a colon is a sentence start")
                .doesNotContain("meanwhile", "later", "read");
        assertThat(terms.get("qilin").label()).isEqualTo("Qilin");
        assertThat(terms.get("qilin").speaker()).isTrue();
        assertThat(terms.get("price").speaker()).isTrue();
        // stored item text has its line breaks collapsed
        var collapsed = EXTRACTOR.terms(
                "",
                "Victim: What do you want? Conti: Support: Pay 69btc. Victim: No. Time 12:30" + " and ReVil said so");
        assertThat(collapsed.get("conti").speaker()).isTrue();
        assertThat(collapsed.get("revil").speaker()).as("a name, not a speaker").isFalse();
        assertThat(collapsed).doesNotContainKeys("time", "what");
        var group = EXTRACTOR.terms(
                "",
                "Victim: hello? Black Basta: We have your files. Hunters International: hi."
                        + " The Quick Brown Fox: jumps. Victim: Hello Conti: pay");
        assertThat(group.get("black basta"))
                .isEqualTo(new TermExtractor.Term("black basta", "Black Basta", true, false));
        assertThat(group.get("hunters international").speaker()).isTrue();
        assertThat(group)
                .as("the label's words are not names of their own")
                .doesNotContainKeys("basta", "black", "international", "hunters");
        assertThat(group).as("at most three words").doesNotContainKey("the quick brown fox");
        assertThat(group)
                .as("after an unpunctuated message the label cannot be told from its last words")
                .doesNotContainKey("hello conti")
                .containsKey("conti");
    }

    @Test
    void hostileTextOfDotsAndLettersIsReadWithoutOverflowAndNamesAroundItStillCount() {
        String hostile = "a.".repeat(9_000);
        var terms = EXTRACTOR.terms("", "The RansomHub crew posted " + hostile + " and QilinX answered.");
        assertThat(terms).containsKey("ransomhub");
        assertThat(EXTRACTOR.terms(hostile, hostile + "@" + hostile)).isNotNull();
        String addresses = "x-".repeat(4_000) + "." + "b.".repeat(4_000) + "com/";
        assertThat(EXTRACTOR.terms("", addresses + " BlackSuit")).containsKey("blacksuit");
    }

    @Test
    void marksNamesWithAnActorNounBesideThemInTheSameSentence() {
        var terms = EXTRACTOR.terms(
                "",
                "Analysts tied the attack to the Kraken ransomware crew last week. Zephyr"
                        + " was silent. The group. Then Nimbus said nothing. Operators of the Ferrule botnet moved on.");
        assertThat(terms.get("kraken").beside()).isTrue();
        assertThat(terms.get("ferrule").beside()).isTrue();
        assertThat(terms.get("nimbus").beside()).as("a sentence ends between").isFalse();
    }

    @Test
    void joinsCapitalisedWordsInsideASentenceIntoOneName() {
        var terms = EXTRACTOR.terms("", "Phishing by Midnight Blizzard and the Lotus Blossom group continued.");
        assertThat(terms)
                .containsKeys("midnight blizzard", "lotus blossom")
                .doesNotContainKeys("blizzard", "lotus", "blossom");
        assertThat(terms.get("lotus blossom").beside()).isTrue();
    }

    @Test
    void leavesOutAmountsAndMeasures() {
        var terms = EXTRACTOR.terms(
                "",
                "They asked 2mil and then 150-300K for a 50-page dump of a 20-year-old"
                        + " system; 30percentlisting was their word. The 8Base gang replied.");
        assertThat(terms)
                .doesNotContainKeys("2mil", "150-300k", "50-page", "20-year-old", "30percentlisting")
                .containsKey("8base");
    }
}
