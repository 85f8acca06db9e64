package org.ewea.methodology.grading;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A grading scheme: its dimensions in the order a grade is written.
 *
 * @param id e.g. {@code admiralty}, {@code uk-3x5x2}, {@code europol}
 * @param name human name
 * @param description what it is and where it comes from
 * @param dimensions in writing order
 */
public record GradingScheme(String id, String name, String description, List<GradingDimension> dimensions) {

    public GradingScheme {
        dimensions = List.copyOf(dimensions);
    }

    public Optional<GradingDimension> dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<GradingDimension> dimensionOfKind(String kind) {
        return dimensions.stream().filter(d -> d.kind().equals(kind)).findFirst();
    }

    /** A sentence saying what a valid grade of this scheme looks like. */
    public String describeFormat() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < dimensions.size(); i++) {
            GradingDimension d = dimensions.get(i);
            text.append(i == 0 ? "" : ", then ")
                    .append(d.required() ? "" : "optionally ")
                    .append(d.name().toLowerCase(Locale.ROOT))
                    .append(' ')
                    .append(d.describeCodes());
        }
        return text.toString();
    }
}
