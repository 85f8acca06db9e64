package org.ewea.methodology.playbook;

import java.time.Period;
import java.util.List;

/**
 * An early-action recommendation.
 *
 * @param id stable id
 * @param categories top-level taxonomy categories it applies to ({@code "*"} for all)
 * @param stages stages it applies to ({@code "*"} for all)
 * @param audience who acts: {@code analyst}, {@code policy}, {@code operational} or {@code training}
 * @param action preparedness, mitigation, prevention, policy or training
 * @param title short imperative
 * @param text what to do and why
 * @param owner the role that owns it
 * @param review how long until it is reviewed
 * @param done the indicator that it is done
 */
public record Recommendation(
        String id,
        List<String> categories,
        List<String> stages,
        String audience,
        String action,
        String title,
        String text,
        String owner,
        Period review,
        String done) {

    public static final String ALL = "*";

    public Recommendation {
        categories = List.copyOf(categories);
        stages = List.copyOf(stages);
    }

    public boolean appliesTo(String category, String stage) {
        return (categories.contains(ALL) || categories.contains(category))
                && (stages.contains(ALL) || stages.contains(stage));
    }

    /** True when it names the category itself (rather than applying to every category). */
    public boolean isSpecificTo(String category) {
        return categories.contains(category);
    }
}
