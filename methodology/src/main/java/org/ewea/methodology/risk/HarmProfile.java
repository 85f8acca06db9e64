package org.ewea.methodology.risk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Harm on each dimension of the risk matrix, each scored 0 (none) to 4 (critical). The dimensions follow MoRiLE's
 * harm headings: physical, psychological, financial, community, societal, geographic scope and victim vulnerability.
 */
public record HarmProfile(
        int physical,
        int psychological,
        int financial,
        int community,
        int societal,
        int geographic,
        int vulnerability) {

    public static final int MAX = 4;

    public HarmProfile {
        check("physical", physical);
        check("psychological", psychological);
        check("financial", financial);
        check("community", community);
        check("societal", societal);
        check("geographic", geographic);
        check("vulnerability", vulnerability);
    }

    private static void check(String dimension, int score) {
        if (score < 0 || score > MAX) {
            throw new IllegalArgumentException("harm." + dimension + " must be 0 to " + MAX + ", was " + score);
        }
    }

    /** The scores by dimension name, in the matrix's order. */
    public Map<String, Integer> byDimension() {
        Map<String, Integer> scores = new LinkedHashMap<>();
        scores.put("physical", physical);
        scores.put("psychological", psychological);
        scores.put("financial", financial);
        scores.put("community", community);
        scores.put("societal", societal);
        scores.put("geographic", geographic);
        scores.put("vulnerability", vulnerability);
        return scores;
    }
}
