package org.ewea.alerts.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.risk.Priority;
import org.ewea.methodology.stage.Stage;

/**
 * Checks a rule against its type and the methodology in force: ids, stages and priorities must exist, thresholds be
 * in range, and each type have what it needs.
 */
public final class AlertRuleValidator {

    public static final Set<String> KINDS = Set.of("technology", "cve", "attack-group", "attack-software", "term");
    /** A novel-term rule's kinds: candidates with dark-web evidence, or corroborated by open sources only. */
    public static final Set<String> NOVEL_TERM_KINDS = Set.of("dark-web", "open");

    public static final Set<String> STATUSES = Set.of("FAILING", "SILENT");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_WATCH = 500;
    private static final int MAX_WITHIN_DAYS = 365;

    private final List<String> stages;
    private final List<String> priorities;

    public AlertRuleValidator(Methodology methodology) {
        this.stages = methodology.stages().stages().stream().map(Stage::id).toList();
        this.priorities =
                methodology.riskMatrix().priorities().stream().map(Priority::id).toList();
    }

    /** Every problem of the rule; empty when it is valid. */
    public List<RuleProblem> problems(AlertRule rule) {
        List<RuleProblem> problems = new ArrayList<>();
        if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
            problems.add(new RuleProblem(
                    "id",
                    "must be 1 to 64 lower-case letters, digits or dashes, starting with a" + " letter or digit"));
        }
        if (rule.name() == null || rule.name().isBlank() || rule.name().length() > 200) {
            problems.add(new RuleProblem("name", "must be 1 to 200 characters"));
        }
        if (rule.type() == null) {
            problems.add(new RuleProblem(
                    "type",
                    "is required: one of "
                            + List.of(RuleType.values()).stream()
                                    .map(RuleType::id)
                                    .toList()));
            return problems;
        }
        Set<String> kinds = rule.type() == RuleType.NOVEL_TERM ? NOVEL_TERM_KINDS : KINDS;
        rule.kinds().stream()
                .filter(k -> !kinds.contains(k))
                .forEach(k -> problems.add(new RuleProblem(
                        "kinds",
                        "has unknown kind '" + k + "': expected "
                                + kinds.stream().sorted().toList())));
        if (rule.withinDays() != null && (rule.withinDays() < 1 || rule.withinDays() > MAX_WITHIN_DAYS)) {
            problems.add(new RuleProblem("withinDays", "must be between 1 and " + MAX_WITHIN_DAYS));
        }
        if (rule.minEvidence() != null && rule.minEvidence() < 1) {
            problems.add(new RuleProblem("minEvidence", "must be at least 1"));
        }
        if (rule.cooldown() != null
                && (rule.cooldown().isNegative() || rule.cooldown().toDays() > 366)) {
            problems.add(new RuleProblem("cooldown", "must be between PT0S and P366D"));
        }
        switch (rule.type()) {
            case STAGE_TRANSITION -> {
                if (rule.stages().isEmpty()) {
                    problems.add(new RuleProblem("stages", "is required: the stages whose entry alerts, of " + stages));
                }
                rule.stages().stream()
                        .filter(s -> !stages.contains(s))
                        .forEach(s -> problems.add(
                                new RuleProblem("stages", "has unknown stage '" + s + "': expected one of " + stages)));
            }
            case SCORE -> {
                if (rule.minScore() == null || rule.minScore() < 0 || rule.minScore() > 1) {
                    problems.add(new RuleProblem("minScore", "is required, between 0 and 1"));
                }
                if (!Set.of("include", "exclude", "only").contains(rule.authoritativeMode())) {
                    problems.add(new RuleProblem("authoritative", "must be include, exclude or only"));
                }
            }
            case PRIORITY -> {
                if (rule.maxPriority() == null || !priorities.contains(rule.maxPriority())) {
                    problems.add(new RuleProblem("maxPriority", "is required, one of " + priorities));
                }
            }
            case EMERGENCE, EXPLOITATION_REPORT -> {
                // kinds and withinDays are enough
            }
            case NOVEL_TERM -> {
                // kinds (dark-web, open), withinDays and minEvidence are enough
            }
            case WATCHLIST -> {
                if (rule.watch().isEmpty() || rule.watch().size() > MAX_WATCH) {
                    problems.add(new RuleProblem("watch", "is required: 1 to " + MAX_WATCH + " series ids or terms"));
                }
                rule.watch().stream()
                        .filter(w -> w == null || w.isBlank() || w.length() > 200)
                        .findFirst()
                        .ifPresent(w -> problems.add(new RuleProblem("watch", "entries must be 1 to 200 characters")));
            }
            case COLLECTION_GAP -> {
                if (rule.statuses().isEmpty()) {
                    problems.add(new RuleProblem("statuses", "is required: any of " + STATUSES));
                }
                rule.statuses().stream()
                        .filter(s -> !STATUSES.contains(s))
                        .forEach(s -> problems.add(
                                new RuleProblem("statuses", "has unknown status '" + s + "': expected " + STATUSES)));
                if (rule.minFailures() != null && rule.minFailures() < 1) {
                    problems.add(new RuleProblem("minFailures", "must be at least 1"));
                }
            }
            default -> throw new IllegalStateException(rule.type().toString());
        }
        return problems;
    }
}
