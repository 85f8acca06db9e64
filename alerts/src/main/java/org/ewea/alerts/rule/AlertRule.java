package org.ewea.alerts.rule;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An alert rule, as written in {@code alert-rules.yaml} or sent to the API. Which parameters apply depends on the
 * type; {@link AlertRuleValidator} says which are missing or out of range.
 *
 * @param id stable id (lower case, digits and dashes)
 * @param name short name shown on alerts
 * @param type what it watches
 * @param enabled false to keep it without evaluating it (default true)
 * @param kinds subject kinds it applies to (technology, cve, attack-group, attack-software, term); empty for all
 * @param stages stage-transition: the stages whose entry alerts
 * @param withinDays stage-transition, emergence, score with authoritative only: how recent the event must be (default 7)
 * @param minScore score: the threshold, 0..1
 * @param authoritative score: include (default), exclude (only early warnings) or only (newly authoritative threats)
 * @param maxPriority priority: the lowest priority that alerts (P2 alerts on P1 and P2)
 * @param minEvidence items in the last 28 days a subject needs (default 1)
 * @param watch watchlist: series ids ({@code voice-cloning}, {@code cve:CVE-2024-3400}, {@code attack-group:FIN7})
 *     or plain terms searched in item text
 * @param statuses collection-gap: source health statuses that alert (FAILING, SILENT)
 * @param minFailures collection-gap: failed runs in a row before a FAILING source alerts (default 1)
 * @param cooldown after an alert of a development is closed, how long a new trigger of the same development stays
 *     quiet (default P7D)
 */
public record AlertRule(
        String id,
        String name,
        RuleType type,
        @Nullable Boolean enabled,
        @Nullable List<String> kinds,
        @Nullable List<String> stages,
        @Nullable Integer withinDays,
        @Nullable Double minScore,
        @Nullable String authoritative,
        @Nullable String maxPriority,
        @Nullable Integer minEvidence,
        @Nullable List<String> watch,
        @Nullable List<String> statuses,
        @Nullable Integer minFailures,
        @Nullable Duration cooldown) {

    public static final Duration DEFAULT_COOLDOWN = Duration.ofDays(7);
    public static final int DEFAULT_WITHIN_DAYS = 7;

    public AlertRule {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        stages = stages == null ? List.of() : List.copyOf(stages);
        watch = watch == null ? List.of() : List.copyOf(watch);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public int days() {
        return withinDays == null ? DEFAULT_WITHIN_DAYS : withinDays;
    }

    public int evidence() {
        return minEvidence == null ? 1 : minEvidence;
    }

    public int failures() {
        return minFailures == null ? 1 : minFailures;
    }

    public Duration quiet() {
        return cooldown == null ? DEFAULT_COOLDOWN : cooldown;
    }

    public String authoritativeMode() {
        return authoritative == null ? "include" : authoritative;
    }

    /** Whether the rule applies to subjects of this kind. */
    public boolean appliesTo(String kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }
}
