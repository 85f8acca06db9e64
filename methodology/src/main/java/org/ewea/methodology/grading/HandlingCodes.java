package org.ewea.methodology.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ewea.methodology.Handling;

/**
 * The handling codes of the grading schemes in force (the codes of every dimension of kind {@code handling}), plus
 * {@link Handling#NONE} and {@link Handling#ALL}: how sources, items and readers' clearances name them.
 */
public final class HandlingCodes {

    private final List<Handling> codes;

    HandlingCodes(List<GradingScheme> schemes) {
        List<Handling> all = new ArrayList<>();
        all.add(Handling.NONE);
        for (GradingScheme scheme : schemes) {
            scheme.dimensionOfKind("handling")
                    .ifPresent(d -> d.codes()
                            .forEach(c -> all.add(new Handling(scheme.id(), c.code(), c.meaning(), clamp(c.score())))));
        }
        all.add(Handling.ALL);
        this.codes = List.copyOf(all);
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    /** Every code, {@code none} first and {@code all} last. */
    public List<Handling> all() {
        return codes;
    }

    /**
     * Parses {@code europol:H2}, {@code uk-3x5x2:C}, {@code none} or {@code all} (case-insensitive). A bare code such as
     * {@code H2} is accepted when exactly one scheme has it.
     *
     * @throws IllegalArgumentException naming the accepted codes
     */
    public Handling parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        List<Handling> matches = codes.stream()
                .filter(h -> h.label().toLowerCase(Locale.ROOT).equals(wanted))
                .toList();
        if (matches.isEmpty() && !wanted.contains(":")) {
            matches = codes.stream()
                    .filter(h -> h.code().toLowerCase(Locale.ROOT).equals(wanted))
                    .toList();
        }
        if (matches.size() == 1) {
            return matches.getFirst();
        }
        String accepted = String.join(", ", codes.stream().map(Handling::label).toList());
        if (matches.size() > 1) {
            throw new IllegalArgumentException("handling code '" + text + "' is ambiguous: write it with its scheme, "
                    + "one of "
                    + String.join(", ", matches.stream().map(Handling::label).toList()));
        }
        throw new IllegalArgumentException("unknown handling code '" + text + "': expected one of " + accepted);
    }
}
