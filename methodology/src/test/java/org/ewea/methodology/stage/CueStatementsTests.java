package org.ewea.methodology.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.junit.jupiter.api.Test;

class CueStatementsTests {

    private final LexiconMatcher cues =
            MethodologyLoader.cues(new MethodologyLoader().load(null).stages());

    @Test
    void aCueStatedOutrightCounts() {
        assertThat(CueStatements.stated(cues, "Gogs 0-Day Exploited in the Wild\nWiz observed attacks."))
                .contains("exploitation");
        assertThat(CueStatements.stated(cues, "Hackers are actively exploiting a flaw in Metro servers."))
                .contains("exploitation");
    }

    @Test
    void aCueInAHedgedSentenceDoesNot() {
        assertThat(CueStatements.stated(
                        cues,
                        "CISA recommends users take defensive measures to minimize the risk"
                                + " of exploitation attempts against these devices."))
                .doesNotContain("exploitation");
        assertThat(CueStatements.stated(cues, "If exploited in the wild, the flaw could allow code execution."))
                .doesNotContain("exploitation");
    }

    @Test
    void aHedgeReachesOnlyItsOwnSentence() {
        assertThat(CueStatements.stated(cues, "A patch could take weeks. The bug is actively exploited."))
                .contains("exploitation");
        assertThat(CueStatements.stated(cues, "The bug is actively exploited\nIt could allow code execution."))
                .contains("exploitation");
    }

    @Test
    void aHedgeOfAnotherIndicatorDoesNotTakeBackThisOne() {
        // "could" hedges exploitation only; the enforcement cue in the same sentence stands
        assertThat(CueStatements.stated(cues, "The admin was arrested, and the forum could be back soon."))
                .contains("enforcement");
    }

    @Test
    void hedgesInOtherLanguages() {
        assertThat(CueStatements.stated(cues, "Die Lücke wird aktiv ausgenutzt."))
                .contains("exploitation");
        assertThat(CueStatements.stated(cues, "Die Lücke könnte aktiv ausgenutzt werden."))
                .doesNotContain("exploitation");
    }
}
