package org.ewea.methodology.risk;

/**
 * The outcome of the risk matrix.
 *
 * @param harmIndex weighted harm 0-4
 * @param risk harm index times likelihood, 0-20
 * @param score risk adjusted by organisational position and confidence
 * @param priority the band the score falls in
 * @param rationale how the priority was reached, in words and numbers
 */
public record RiskAssessment(double harmIndex, double risk, double score, Priority priority, String rationale) {}
