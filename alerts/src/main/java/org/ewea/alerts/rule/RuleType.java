package org.ewea.alerts.rule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What an alert rule watches. */
public enum RuleType {
    /** A subject entered one of the given stages recently. */
    STAGE_TRANSITION("stage-transition"),
    /** A subject's early-warning score reached a threshold. */
    SCORE("score"),
    /**
     * A subject no authoritative source has reported yet that an item about few subjects of its kind states is
     * exploited in the wild (the methodology's exploitation cues, hedged sentences left out): the CVE rule
     * docs/evaluation.md section 1 measures best.
     */
    EXPLOITATION_REPORT("exploitation-report"),
    /** A subject's risk-matrix priority reached a level (P1 is the highest). */
    PRIORITY("priority"),
    /** A subject (an actor, a tool, a novel term, a technology) was first seen recently. */
    EMERGENCE("emergence"),
    /**
     * A name the lexicon does not know became a novel-term candidate: a possible new actor, tool or service, before
     * any analyst has looked at it.
     */
    NOVEL_TERM("novel-term"),
    /** A watched technology, entity or term is mentioned. */
    WATCHLIST("watchlist"),
    /** A source is failing or silent: the picture has a gap. */
    COLLECTION_GAP("collection-gap");

    private final String id;

    RuleType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static RuleType of(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule type '" + id + "': expected one of "
                        + Arrays.stream(values()).map(RuleType::id).toList()));
    }
}
