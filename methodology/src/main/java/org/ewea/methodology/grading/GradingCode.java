package org.ewea.methodology.grading;

/**
 * One code of a grading dimension.
 *
 * @param code as written, e.g. {@code B}, {@code 2}, {@code H1}
 * @param meaning what it means
 * @param score position on the common 0..1 scale used to map between schemes
 * @param unknown true for the "cannot be judged" code of a dimension
 */
public record GradingCode(String code, String meaning, double score, boolean unknown) {}
