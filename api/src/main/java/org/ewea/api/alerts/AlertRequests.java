package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.Set;
import org.ewea.alerts.lifecycle.AssessmentInput;
import org.ewea.api.web.ApiProblem;
import org.ewea.methodology.risk.HarmProfile;
import org.jspecify.annotations.Nullable;

/** Request bodies of the alerts endpoints (and of the same moves inside an exercise). */
public final class AlertRequests {

    private AlertRequests() {}

    /** A lifecycle move. */
    public record Transition(
            @Schema(
                    description = "ACKNOWLEDGED, ASSESSED, ACTIONED or DISMISSED",
                    example = "ACKNOWLEDGED",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            String to,

            @Schema(description = "why; required for DISMISSED", example = "taking this one") @Nullable
            String note,

            @Schema(description = "required for ASSESSED") @Nullable
            Assessment assessment,

            @Schema(description = "the alert version you saw: 409 if someone changed it since") @Nullable
            Long version) {}

    /** An analyst's assessment. */
    public record Assessment(
            @Schema(description = "grading scheme (default admiralty)", example = "admiralty") @Nullable
            String scheme,

            @Schema(description = "grade of the information", example = "B2") @Nullable
            String grade,

            @Schema(
                    description = "harm per dimension 0-4: physical, psychological, financial, community, societal,"
                            + " geographic, vulnerability (default: the subject's taxonomy harm profile)")
            @Nullable
            Map<String, Integer> harm,

            @Schema(description = "1-5", example = "4") @Nullable
            Integer likelihood,

            @Schema(description = "how well placed agencies are to respond, 1-5 (default 2)") @Nullable
            Integer position,

            @Schema(description = "low, medium or high", example = "medium") @Nullable
            String confidence) {}

    /** An analyst's relevance verdict. */
    public record Feedback(
            @Schema(description = "is the subject a relevant threat?", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable
            Boolean relevant,

            @Schema(description = "why") @Nullable String note) {}

    /** A change to a tracked early action. */
    public record ActionChange(
            @Schema(description = "OPEN, IN_PROGRESS, DONE or DROPPED") @Nullable
            String status,

            @Schema(description = "the user who takes it") @Nullable
            String assignee,

            @Schema(description = "new review date, ISO", example = "2026-12-01") @Nullable
            String due,

            @Schema(description = "a note") @Nullable String note,

            @Schema(description = "the version you saw: 409 if someone changed it since") @Nullable
            Long version) {}

    /** The assessment as the lifecycle takes it; 400 naming the field when the harm profile is incomplete. */
    public static AssessmentInput input(Assessment a) {
        HarmProfile harm = null;
        if (a.harm() != null) {
            Set<String> dimensions = Set.of(
                    "physical", "psychological", "financial", "community", "societal", "geographic", "vulnerability");
            if (!a.harm().keySet().equals(dimensions)
                    || a.harm().values().stream().anyMatch(v -> v == null)) {
                throw ApiProblem.invalidField(
                        "assessment.harm",
                        "must give all of " + dimensions.stream().sorted().toList() + ", each 0 to 4");
            }
            Map<String, Integer> h = a.harm();
            try {
                harm = new HarmProfile(
                        h.get("physical"),
                        h.get("psychological"),
                        h.get("financial"),
                        h.get("community"),
                        h.get("societal"),
                        h.get("geographic"),
                        h.get("vulnerability"));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("assessment.harm", e.getMessage());
            }
        }
        return new AssessmentInput(a.scheme(), a.grade(), harm, a.likelihood(), a.position(), a.confidence());
    }
}
