package org.ewea.methodology.risk;

/**
 * One level of a risk-matrix scale.
 *
 * @param value its number on the scale (likelihood 1-5, position 1-4, harm 0-4)
 * @param label short name
 * @param factor multiplier it applies to the score (position and confidence), 1 where it applies none
 * @param description what it means
 */
public record ScaleLevel(int value, String label, double factor, String description) {}
