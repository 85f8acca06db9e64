package org.ewea.methodology;

import java.util.Collection;
import java.util.Objects;

/**
 * A handling code: the provider's restriction on how material may be used or passed on (e.g. Europol {@code H2}, "not
 * to be disseminated without the provider's permission"; UK 3x5x2 {@code C}). Codes of different schemes are compared
 * by their {@code restriction} on the common 0..1 scale of the grading schemes (grading.yaml), so a reader cleared for
 * {@code uk-3x5x2:C} (0.7) may read {@code europol:H1} (0.5) but not {@code europol:H2} (0.8).
 *
 * <p>Two codes stand outside the schemes: {@link #NONE}, the marking of material without a handling restriction and
 * the clearance of a reader who may read only such material; and {@link #ALL}, the clearance to read every code.
 *
 * @param scheme the grading scheme the code belongs to, e.g. {@code europol}; {@code none} or {@code all} for the two
 *     codes outside the schemes
 * @param code the code as the scheme writes it, e.g. {@code H2}
 * @param meaning what it means
 * @param restriction position on the common 0..1 scale: 0 unrestricted, higher more restricted
 */
public record Handling(String scheme, String code, String meaning, double restriction) {

    /** No handling restriction: what items of a source without a handling code carry. */
    public static final Handling NONE = new Handling("none", "none", "No handling restriction", 0.0);

    /** Cleared for every handling code. */
    public static final Handling ALL = new Handling("all", "all", "Cleared for every handling code", 1.0);

    private static final double EPSILON = 1e-9;

    public Handling {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(meaning, "meaning");
        if (!(restriction >= 0 && restriction <= 1)) {
            throw new IllegalArgumentException("a handling restriction is between 0 and 1, not " + restriction);
        }
    }

    /** {@code europol:H2}, or {@code none} / {@code all}. */
    public String label() {
        return outsideSchemes() ? code : scheme + ":" + code;
    }

    /** True for {@link #NONE} and {@link #ALL}. */
    public boolean outsideSchemes() {
        return scheme.equals(NONE.scheme) || scheme.equals(ALL.scheme);
    }

    /** True when material carrying {@code this} code may be shown to a reader cleared for {@code clearance}. */
    public boolean isAtMost(Handling clearance) {
        return restriction <= clearance.restriction + EPSILON;
    }

    /** The more restrictive of the two (the first when they are equally restrictive). */
    public static Handling mostRestrictive(Handling a, Handling b) {
        return b.restriction > a.restriction + EPSILON ? b : a;
    }

    /** The most restrictive of the codes; {@link #NONE} for none. */
    public static Handling mostRestrictive(Collection<Handling> codes) {
        return codes.stream().reduce(NONE, Handling::mostRestrictive);
    }
}
