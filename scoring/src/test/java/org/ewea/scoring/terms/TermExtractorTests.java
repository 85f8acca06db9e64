package org.ewea.scoring.terms;

import static org.assertj.core.api.Assertions.assertThat;

import org.ewea.methodology.definition.MethodologyLoader;
import org.junit.jupiter.api.Test;

class TermExtractorTests {

    private static final TermExtractor EXTRACTOR = new TermExtractor(new MethodologyLoader().load(null).lexicon());

    @Test
    void findsNamesWrittenLikeNames() {
        var terms = EXTRACTOR.terms("", "The BlackSuit gang and affiliates of RansomHub hit a hospital; Storm-0558 and"
                + " UNC3944 were blamed. Researchers at Sekoia linked it to ALPHV.");
        assertThat(terms.keySet()).contains("blacksuit", "ransomhub", "storm-0558", "unc3944", "sekoia", "alphv");
        assertThat(terms.get("blacksuit").label()).isEqualTo("BlackSuit");
    }

    @Test
    void leavesOutSentenceStartsLexiconTermsIdsAndCommonAcronyms() {
        var terms = EXTRACTOR.terms("", "Researchers found ransomware. Attackers used a botnet and CVE-2024-3400 via"
                + " HTTPS and the API. G0010 is known. In 2024 they earned 10M.");
        assertThat(terms.keySet()).doesNotContain("researchers", "attackers", "in", "ransomware", "botnet",
                "cve-2024-3400", "https", "api", "g0010", "2024", "10m");
    }

    @Test
    void readsHeadlinesForStrongFormsOnly() {
        assertThat(EXTRACTOR.terms("Police Arrest Suspects Behind LockBit Attacks", "").keySet())
                .containsExactly("lockbit");
    }
}
