package org.ewea.methodology.stage;

import java.util.List;
import java.util.Map;

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
 */
public record Indicator(String id, String name, String unit, String description, Map<String, List<String>> cues) {

    public Indicator {
        Map<String, List<String>> copy = new java.util.TreeMap<>();
        cues.forEach((language, terms) -> copy.put(language, List.copyOf(terms)));
        cues = java.util.Collections.unmodifiableMap(copy);
    }

    public Indicator(String id, String name, String unit, String description) {
        this(id, name, unit, description, Map.of());
    }

    /** Whether items are counted by cue phrases. */
    public boolean counted() {
        return !cues.isEmpty();
    }
}
