package org.ewea.methodology.risk;

/**
 * @param id {@code low}, {@code medium} or {@code high}
 * @param label short name
 * @param factor multiplier applied to the score
 * @param description what it means
 */
public record ConfidenceLevel(String id, String label, double factor, String description) {}
