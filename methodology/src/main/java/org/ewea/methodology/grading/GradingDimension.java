package org.ewea.methodology.grading;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One dimension of a grading scheme.
 *
 * @param id id within the scheme, e.g. {@code source}
 * @param kind what it grades: {@code source}, {@code information} or {@code handling}; dimensions of the same kind map
 *     onto each other between schemes
 * @param name human name
 * @param required whether a written grade must include it
 * @param defaultCode the code assumed when an optional dimension is left out
 * @param codes the codes, most reliable (or least restrictive) first
 */
public record GradingDimension(
        String id,
        String kind,
        String name,
        boolean required,
        @Nullable String defaultCode,
        List<GradingCode> codes) {

    public GradingDimension {
        codes = List.copyOf(codes);
    }

    public Optional<GradingCode> code(String code) {
        return codes.stream().filter(c -> c.code().equalsIgnoreCase(code)).findFirst();
    }

    public Optional<GradingCode> unknownCode() {
        return codes.stream().filter(GradingCode::unknown).findFirst();
    }

    /** "A, B, C or X" */
    String describeCodes() {
        List<String> all = codes.stream().map(GradingCode::code).toList();
        return all.size() == 1
                ? all.getFirst()
                : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.getLast();
    }
}
