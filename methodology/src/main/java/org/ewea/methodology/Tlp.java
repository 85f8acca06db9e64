package org.ewea.methodology;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Traffic Light Protocol 2.0 (FIRST), ordered from least to most restrictive. Compare with {@link #isAtMost(Tlp)} and
 * {@link #mostRestrictive(Tlp, Tlp)}, never as strings.
 */
public enum Tlp {
    CLEAR("TLP:CLEAR"),
    GREEN("TLP:GREEN"),
    AMBER("TLP:AMBER"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    RED("TLP:RED");

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** The label as TLP 2.0 writes it, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return label;
    }

    /** The label without the {@code TLP:} prefix, e.g. {@code AMBER+STRICT}. */
    public String code() {
        return label.substring(4);
    }

    /** True when material marked {@code this} may be shown to someone cleared up to {@code clearance}. */
    public boolean isAtMost(Tlp clearance) {
        return compareTo(clearance) <= 0;
    }

    /** The markings someone cleared up to {@code clearance} may read, least restrictive first. */
    public static List<Tlp> atMost(Tlp clearance) {
        return Arrays.stream(values()).filter(t -> t.isAtMost(clearance)).toList();
    }

    public static Tlp mostRestrictive(Tlp a, Tlp b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Tlp mostRestrictive(Collection<Tlp> markings) {
        return markings.stream().reduce(CLEAR, Tlp::mostRestrictive);
    }

    /**
     * Parses {@code RED}, {@code tlp:red}, {@code AMBER+STRICT}, {@code amber_strict} and {@code WHITE} (TLP 1.0, read
     * as CLEAR).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Tlp parse(String text) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.startsWith("TLP:")) {
            code = code.substring(4);
        }
        code = code.replace('_', '+').replace(' ', '+');
        if (code.equals("WHITE")) {
            return CLEAR;
        }
        for (Tlp tlp : values()) {
            if (tlp.code().equals(code)) {
                return tlp;
            }
        }
        throw new IllegalArgumentException("unknown TLP marking '" + text + "': expected one of "
                + Arrays.stream(values()).map(Tlp::code).collect(Collectors.joining(", ")));
    }
}
