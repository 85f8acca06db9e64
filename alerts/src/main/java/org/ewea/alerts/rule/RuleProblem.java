package org.ewea.alerts.rule;

/**
 * What is wrong with one field of a rule.
 *
 * @param field the parameter, e.g. {@code minScore}
 * @param reason why, e.g. {@code must be between 0 and 1}
 */
public record RuleProblem(String field, String reason) {

    @Override
    public String toString() {
        return field + " " + reason;
    }
}
