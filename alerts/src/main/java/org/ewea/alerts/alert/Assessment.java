package org.ewea.alerts.alert;

import org.ewea.methodology.risk.HarmProfile;
import org.jspecify.annotations.Nullable;

/**
 * An analyst's assessment of an alert: the grading of the information, the harm and likelihood judged, and the
 * priority the risk matrix gives them.
 *
 * @param scheme the grading scheme (e.g. admiralty)
 * @param grade the grade in that scheme (e.g. B2)
 * @param harm harm on each of the matrix's dimensions, 0..4
 * @param likelihood 1..5
 * @param position how well placed agencies are to respond, 1..5
 * @param confidence low, medium or high
 * @param priority the resulting priority id
 * @param riskScore the resulting priority score
 * @param rationale the risk matrix's rationale
 * @param note the analyst's words
 */
public record Assessment(
        String scheme,
        String grade,
        HarmProfile harm,
        int likelihood,
        int position,
        String confidence,
        String priority,
        double riskScore,
        String rationale,
        @Nullable String note) {}
