package org.ewea.api.ui;

import java.util.List;
import org.ewea.alerts.lifecycle.AssessmentInput;
import org.ewea.methodology.risk.HarmProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * An analyst's assessment as the UI's forms write it (the live alert page and an exercise's): grade, likelihood,
 * confidence and, optionally, the seven harm dimensions 0-4 (all seven, or none for the taxonomy's harm profile).
 */
final class UiAssessmentForm {

    /** The harm dimensions, in the order the form shows them (fields {@code harm-<dimension>}). */
    static final List<String> HARM =
            List.of("physical", "psychological", "financial", "community", "societal", "geographic", "vulnerability");

    private UiAssessmentForm() {}

    /**
     * The assessment, or null when the form has no grade (a move that needs none).
     *
     * @throws IllegalArgumentException naming what is wrong (a partial or out-of-range harm profile, a bad number)
     */
    static @Nullable AssessmentInput read(MultiValueMap<String, String> form) {
        String grade = UiForms.value(form, "grade");
        if (grade == null) {
            return null;
        }
        return new AssessmentInput(
                null,
                grade,
                harm(form),
                number(UiForms.value(form, "likelihood"), "likelihood"),
                number(UiForms.value(form, "position"), "position"),
                UiForms.value(form, "confidence"));
    }

    private static @Nullable HarmProfile harm(MultiValueMap<String, String> form) {
        List<@Nullable String> given =
                HARM.stream().map(d -> UiForms.value(form, "harm-" + d)).toList();
        if (given.stream().allMatch(v -> v == null)) {
            return null;
        }
        if (given.stream().anyMatch(v -> v == null)) {
            throw new IllegalArgumentException("harm: give all seven dimensions (0-4) or none");
        }
        int[] h = new int[HARM.size()];
        for (int i = 0; i < h.length; i++) {
            Integer n = number(given.get(i), "harm " + HARM.get(i));
            h[i] = n == null ? 0 : n;
        }
        return new HarmProfile(h[0], h[1], h[2], h[3], h[4], h[5], h[6]);
    }

    private static @Nullable Integer number(@Nullable String value, String field) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
    }
}
