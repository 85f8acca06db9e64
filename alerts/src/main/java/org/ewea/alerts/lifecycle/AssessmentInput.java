package org.ewea.alerts.lifecycle;

import org.ewea.methodology.risk.HarmProfile;
import org.jspecify.annotations.Nullable;

/**
 * What an analyst judges when assessing an alert.
 *
 * @param scheme grading scheme id (default admiralty)
 * @param grade the information's grade in that scheme, e.g. B2
 * @param harm harm per dimension, 0..4 (default: the subject's harm profile from the taxonomy)
 * @param likelihood 1..5
 * @param position how well placed agencies are to respond, 1..5 (default 2)
 * @param confidence low, medium or high
 */
public record AssessmentInput(
        @Nullable String scheme,
        @Nullable String grade,
        @Nullable HarmProfile harm,
        @Nullable Integer likelihood,
        @Nullable Integer position,
        @Nullable String confidence) {}
