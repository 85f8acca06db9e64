package org.ewea.methodology.stage;

import java.util.Locale;
import java.util.Set;

/**
 * One comparison of an indicator with a threshold, e.g. {@code growth >= 2.0}.
 *
 * @param indicator indicator id
 * @param op one of {@code >=, >, <=, <, ==}
 * @param value threshold
 */
public record Condition(String indicator, String op, double value) {

    public static final Set<String> OPERATORS = Set.of(">=", ">", "<=", "<", "==");

    public Condition {
        if (!OPERATORS.contains(op)) {
            throw new IllegalArgumentException("unknown operator '" + op + "': use one of >=, >, <=, <, ==");
        }
    }

    /** Whether the measured value satisfies it; a missing measurement never does. */
    public boolean holds(Double measured) {
        if (measured == null || measured.isNaN()) {
            return false;
        }
        return switch (op) {
            case ">=" -> measured >= value;
            case ">" -> measured > value;
            case "<=" -> measured <= value;
            case "<" -> measured < value;
            default -> Math.abs(measured - value) < 1e-9;
        };
    }

    public String describe(Double measured) {
        return indicator + " " + (measured == null ? "unknown" : format(measured)) + " " + op + " " + format(value);
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.format(Locale.ROOT, "%.2f", number);
    }
}
