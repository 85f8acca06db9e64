package org.ewea.methodology;

import java.util.Objects;

/**
 * What a reader may see: material marked at most {@code tlp} and carrying a handling code at most {@code handling}.
 * Every read path (items, search, evidence, alerts, their events and stream, actions, digests, exports, captures)
 * filters by one.
 *
 * @param tlp the most restrictive TLP marking the reader may see
 * @param handling the most restrictive handling code the reader may see
 */
public record Clearance(Tlp tlp, Handling handling) {

    /** Everything: for the service's own work (evaluation, digests before redaction), never for a reader. */
    public static final Clearance FULL = new Clearance(Tlp.RED, Handling.ALL);

    public Clearance {
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(handling, "handling");
    }

    /** A clearance up to {@code tlp} for material without a handling restriction only. */
    public static Clearance of(Tlp tlp) {
        return new Clearance(tlp, Handling.NONE);
    }

    /** Whether material with this marking and handling code may be shown. */
    public boolean permits(Tlp marking, Handling code) {
        return marking.isAtMost(tlp) && code.isAtMost(handling);
    }

    /** Whether it permits every marking and handling code (no filter needed). */
    public boolean full() {
        return tlp == Tlp.RED && handling.restriction() >= 1.0;
    }

    /** {@code TLP:AMBER, handling europol:H1} */
    public String describe() {
        return tlp.label() + ", handling " + handling.label();
    }
}
