package org.ewea.methodology.stage;

/**
 * A named, measured indicator that stage rules test.
 *
 * @param id e.g. {@code growth}
 * @param name human name
 * @param unit what the value counts
 * @param description how it is measured
 */
public record Indicator(String id, String name, String unit, String description) {
}
