package org.ewea.scoring.signal;

import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.grading.GradingCode;
import org.ewea.methodology.grading.GradingScheme;
import org.ewea.methodology.grading.GradingSchemes;

/**
 * How much an item counts in grade-weighted volume: the product of its source-reliability and
 * information-credibility scores on the methodology's common 0..1 scale (A1 = 1.0, B2 = 0.64, F6 = 0.25).
 */
public final class GradeWeights {

    private final GradingScheme admiralty;

    public GradeWeights(GradingSchemes schemes) {
        this.admiralty = schemes.scheme("admiralty")
                .orElseThrow(() -> new IllegalArgumentException("the methodology defines no admiralty grading scheme"));
    }

    public double of(AdmiraltyGrade grade) {
        return score("source", grade.source().name())
                * score("information", String.valueOf(grade.information().code()));
    }

    private double score(String dimension, String code) {
        return admiralty
                .dimension(dimension)
                .flatMap(d -> d.code(code))
                .map(GradingCode::score)
                .orElse(0.5);
    }
}
