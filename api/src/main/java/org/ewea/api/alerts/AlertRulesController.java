package org.ewea.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.List;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.AlertRuleValidator;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.alerts.rule.RuleProblem;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The alert rules in force: the rules file, with the rules saved through the API. */
@RestController
@Tag(name = "Alert rules", description = "What raises alerts: rules as data, from the rules file and the API")
class AlertRulesController {

    private final RuleBook rules;
    private final AlertRuleValidator validator;
    private final BlockingStore store;
    private final InstantSource clock;

    AlertRulesController(RuleBook rules, AlertRuleValidator validator, BlockingStore store, InstantSource clock) {
        this.rules = rules;
        this.validator = validator;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/alert-rules", produces = "application/json")
    @Operation(summary = "Every alert rule in force, with where it comes from (file or api)")
    Mono<List<RuleBook.Entry>> list() {
        return store.call(rules::entries);
    }

    @GetMapping(path = "/api/v1/alert-rules/{id}", produces = "application/json")
    @Operation(summary = "One alert rule")
    Mono<RuleBook.Entry> get(@PathVariable("id") String id) {
        return store.call(() -> rules.find(id).orElseThrow(() -> AlertProblems.notFound("alert rule", id)));
    }

    @PutMapping(path = "/api/v1/alert-rules/{id}", consumes = "application/json", produces = "application/json")
    @Operation(
            summary = "Add a rule, or replace one (ANALYST, ADMIN)",
            description = "Validated against its type and the methodology in force (stages, priorities, kinds);"
                    + " every problem is named in the 400 answer. A rule saved with the id of a file rule replaces"
                    + " it until deleted. Types and parameters: docs/alerts.md.")
    Mono<RuleBook.Entry> put(
            @AuthenticationPrincipal User user, @PathVariable("id") String id, @RequestBody AlertRule rule) {
        if (rule.id() != null && !rule.id().equals(id)) {
            throw ApiProblem.invalidField("id", "must match the path ('" + id + "') or be left out");
        }
        AlertRule withId = new AlertRule(
                id,
                rule.name(),
                rule.type(),
                rule.enabled(),
                rule.kinds(),
                rule.stages(),
                rule.withinDays(),
                rule.minScore(),
                rule.authoritative(),
                rule.maxPriority(),
                rule.minEvidence(),
                rule.watch(),
                rule.statuses(),
                rule.minFailures(),
                rule.cooldown());
        List<RuleProblem> problems = validator.problems(withId);
        if (!problems.isEmpty()) {
            throw new ApiProblem(
                    ProblemType.INVALID_REQUEST,
                    "The rule is invalid: "
                            + String.join(
                                    "; ",
                                    problems.stream().map(RuleProblem::toString).toList()) + ".",
                    problems.stream()
                            .map(p -> new ApiProblem.FieldError(p.field(), p.reason()))
                            .toList());
        }
        return store.call(() -> rules.save(withId, user.username(), clock.instant()));
    }

    @DeleteMapping(path = "/api/v1/alert-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Remove a rule saved through the API (ANALYST, ADMIN)",
            description = "A rule the API added is gone; a file rule it replaced is back as the file writes it."
                    + " 404 when no rule of that id was saved through the API (file rules are changed in the file,"
                    + " or switched off by saving them with enabled: false).")
    Mono<Void> delete(@PathVariable("id") String id) {
        return store.call(() -> {
                    if (!rules.delete(id)) {
                        throw new ApiProblem(
                                ProblemType.NOT_FOUND,
                                "No rule '" + id + "' was saved through the API"
                                        + (rules.inFile(id)
                                                ? ": it comes from the rules file; save it with enabled: false to switch"
                                                        + " it off"
                                                : "")
                                        + ".");
                    }
                    return Boolean.TRUE;
                })
                .then();
    }
}
