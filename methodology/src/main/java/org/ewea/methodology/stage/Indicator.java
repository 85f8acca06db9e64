package org.ewea.methodology.stage;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named, measured indicator that stage rules test.
 *
 * @param id e.g. {@code growth}
 * @param name human name
 * @param unit what the value counts
 * @param description how it is measured
 * @param cues for indicators that count items saying something (an offer for sale, a tutorial, an arrest): the
 *     phrases that say it, per language (BCP 47 tag, or {@code und} for any language, matched case-sensitively);
 *     empty for measured indicators
 * @param hedges words that take the statement back, per language: a cue phrase in a sentence that also has one of
 *     them does not count ("could be exploited", "if successfully exploited", "minimise the risk of exploitation"
 *     say what might happen, not that it does); see {@link CueStatements}
 */
public record Indicator(
        String id,
        String name,
        String unit,
        String description,
        Map<String, List<String>> cues,
        Map<String, List<String>> hedges) {

    public Indicator {
        cues = copy(cues);
        hedges = copy(hedges);
    }

    public Indicator(String id, String name, String unit, String description, Map<String, List<String>> cues) {
        this(id, name, unit, description, cues, Map.of());
    }

    public Indicator(String id, String name, String unit, String description) {
        this(id, name, unit, description, Map.of(), Map.of());
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> phrases) {
        Map<String, List<String>> copy = new TreeMap<>();
        phrases.forEach((language, terms) -> copy.put(language, List.copyOf(terms)));
        return Collections.unmodifiableMap(copy);
    }

    /** Whether items are counted by cue phrases. */
    public boolean counted() {
        return !cues.isEmpty();
    }
}
