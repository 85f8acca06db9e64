package org.ewea.methodology.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ewea.methodology.lexicon.LexiconMatch;
import org.ewea.methodology.lexicon.LexiconMatcher;

/**
 * Which counted indicators a text states. A cue phrase of an indicator counts unless a hedge of the same indicator
 * stands in the same sentence: "CVE-2025-1 is actively exploited" states exploitation, "if successfully exploited,
 * it could allow..." and "CISA recommends measures to minimise the risk of exploitation" do not. The hedges are the
 * methodology's, per indicator and language ({@link Indicator#hedges()}), in the same matcher as the cues
 * ({@code MethodologyLoader.cues}). A sentence ends at a line break, or at ". ", "! " or "? ".
 */
public final class CueStatements {

    /** A hedge of the indicator {@code id}, as the matcher's technology id. */
    public static String hedge(String id) {
        return "hedge:" + id;
    }

    private CueStatements() {}

    /** The indicator ids {@code text} states, by {@code cues} (a matcher built by {@code MethodologyLoader.cues}). */
    public static Set<String> stated(LexiconMatcher cues, CharSequence text) {
        List<LexiconMatch> matches = cues.match(text);
        Set<String> stated = new TreeSet<>();
        if (matches.isEmpty()) {
            return stated;
        }
        List<LexiconMatch> hedges = new ArrayList<>();
        for (LexiconMatch m : matches) {
            if (m.technologyId().startsWith("hedge:")) {
                hedges.add(m);
            }
        }
        for (LexiconMatch m : matches) {
            if (m.technologyId().startsWith("hedge:") || stated.contains(m.technologyId())) {
                continue;
            }
            if (hedges.isEmpty() || !hedged(m, hedges, text)) {
                stated.add(m.technologyId());
            }
        }
        return stated;
    }

    private static boolean hedged(LexiconMatch cue, List<LexiconMatch> hedges, CharSequence text) {
        int from = sentenceStart(text, cue.start());
        int to = sentenceEnd(text, cue.end());
        String hedge = hedge(cue.technologyId());
        for (LexiconMatch h : hedges) {
            if (h.technologyId().equals(hedge) && h.start() >= from && h.end() <= to) {
                return true;
            }
        }
        return false;
    }

    private static int sentenceStart(CharSequence text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i + 1;
            }
            if (Character.isWhitespace(c) && i > 0 && isStop(text.charAt(i - 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int sentenceEnd(CharSequence text, int at) {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            if (isStop(c) && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }
}
