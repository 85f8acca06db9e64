package org.ewea.alerts.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.lifecycle.RaiseOutcome;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.alerts.rule.RuleType;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.Candidate;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;

/**
 * One evaluation: scores every subject on the last day with signals (today, or the last day with stored items when
 * that is earlier), finds each rule's triggers, raises or updates their alerts, and plans early actions for alerts
 * that are new or changed stage. Blocks.
 */
public final class AlertEngine {

    private final RuleBook rules;
    private final AlertEvaluator evaluator;
    private final AlertRaiser raiser;
    private final ActionPlanner planner;
    private final EarlyWarningScorer scorer;
    private final ModelRegistry models;
    private final SignalRepository signals;
    private final Supplier<AlertInputs.Sources> sources;
    private final InstantSource clock;
    private final Function<LocalDate, List<Candidate>> candidates;

    /** As the full constructor, with no novel-term candidates. */
    public AlertEngine(
            RuleBook rules,
            AlertEvaluator evaluator,
            AlertRaiser raiser,
            ActionPlanner planner,
            EarlyWarningScorer scorer,
            ModelRegistry models,
            SignalRepository signals,
            Supplier<AlertInputs.Sources> sources,
            InstantSource clock) {
        this(rules, evaluator, raiser, planner, scorer, models, signals, sources, clock, day -> List.of());
    }

    /** @param candidates the novel-term candidates on a day, rejected ones left out (the candidate finder's) */
    public AlertEngine(
            RuleBook rules,
            AlertEvaluator evaluator,
            AlertRaiser raiser,
            ActionPlanner planner,
            EarlyWarningScorer scorer,
            ModelRegistry models,
            SignalRepository signals,
            Supplier<AlertInputs.Sources> sources,
            InstantSource clock,
            Function<LocalDate, List<Candidate>> candidates) {
        this.candidates = candidates;
        this.rules = rules;
        this.evaluator = evaluator;
        this.raiser = raiser;
        this.planner = planner;
        this.scorer = scorer;
        this.models = models;
        this.signals = signals;
        this.sources = sources;
        this.clock = clock;
    }

    public EvaluationReport evaluate() {
        return evaluateAt(clock.instant());
    }

    /**
     * One evaluation as at {@code now}: the picture of that day (or of the last day with stored items before it),
     * alerts raised and actions planned at {@code now}. A replay evaluates at its simulated times: every read is
     * bounded by the day, so nothing stored later is used.
     */
    public EvaluationReport evaluateAt(Instant now) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate asOf = signals.pictureDay(today);
        List<EarlyWarningScore> scores = scorer.score(asOf, models.current());
        AlertInputs.Sources state = sources.get();
        List<AlertRule> inForce = rules.rules();
        boolean novelTerms = inForce.stream().anyMatch(r -> r.isEnabled() && r.type() == RuleType.NOVEL_TERM);
        AlertInputs inputs = new AlertInputs(
                asOf, scores, state.health(), state.titles(), novelTerms ? candidates.apply(asOf) : List.of());
        List<Trigger> triggers = asSeenAtTheirMarking(evaluator.evaluate(inForce, inputs), inputs);
        int raised = 0;
        int updated = 0;
        int unchanged = 0;
        int suppressed = 0;
        int planned = 0;
        List<EvaluationReport.Outcome> outcomes = new ArrayList<>();
        for (Trigger trigger : triggers) {
            RaiseOutcome outcome = raiser.raise(trigger, now);
            int plannedNow = 0;
            switch (outcome.kind()) {
                case RAISED -> raised++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case SUPPRESSED -> suppressed++;
                default -> throw new IllegalStateException(outcome.kind().toString());
            }
            if (outcome.alert() != null
                    && (outcome.kind() == RaiseOutcome.Kind.RAISED || outcome.kind() == RaiseOutcome.Kind.UPDATED)) {
                plannedNow = planner.plan(outcome.alert(), now).size();
                planned += plannedNow;
            }
            outcomes.add(
                    outcome.alert() == null
                            ? new EvaluationReport.Outcome(outcome.kind().name(), Tlp.RED, Handling.ALL, plannedNow)
                            : new EvaluationReport.Outcome(
                                    outcome.kind().name(),
                                    outcome.alert().tlp(),
                                    outcome.alert().handling(),
                                    plannedNow));
        }
        return new EvaluationReport(
                now,
                asOf,
                inForce.size(),
                triggers.size(),
                raised,
                updated,
                unchanged,
                suppressed,
                planned,
                Duration.ofNanos(System.nanoTime() - started),
                outcomes);
    }

    /**
     * A score's alert is marked by every item its score counted, yet a score also reads the whole picture (how many
     * sources are active, the base rate), so its numbers can still differ from those a reader cleared for that
     * marking would get. Each such alert is therefore written as its rule finds it on the picture of exactly its
     * marking (the scores a reader with that clearance gets); when the rule does not fire there, the alert rests on
     * material above its marking and is marked for the service alone (RED, every handling code).
     */
    private List<Trigger> asSeenAtTheirMarking(List<Trigger> triggers, AlertInputs full) {
        Map<Clearance, Map<String, EarlyWarningScore>> views = new HashMap<>();
        List<Trigger> seen = new ArrayList<>(triggers.size());
        for (Trigger t : triggers) {
            Clearance marking = new Clearance(t.tlp(), t.handling());
            if (t.score() == null || marking.full()) {
                seen.add(t);
                continue;
            }
            EarlyWarningScore there = views.computeIfAbsent(marking, c -> {
                        Map<String, EarlyWarningScore> bySeries = new HashMap<>();
                        scorer.readBy(c).score(full.asOf(), models.current()).forEach(v -> bySeries.put(v.series(), v));
                        return bySeries;
                    })
                    .get(t.subject().id());
            Trigger same = there == null
                    ? null
                    : evaluator
                            .evaluate(
                                    t.rule(),
                                    new AlertInputs(full.asOf(), List.of(there), List.of(), full.sourceTitles()))
                            .stream()
                            .filter(v -> v.subject().equals(t.subject()))
                            .findFirst()
                            .orElse(null);
            if (same != null && same.tlp().isAtMost(t.tlp()) && same.handling().isAtMost(t.handling())) {
                seen.add(same);
            } else {
                seen.add(new Trigger(
                        t.rule(),
                        t.subject(),
                        t.title(),
                        t.summary(),
                        t.score(),
                        t.stage(),
                        t.priority(),
                        t.category(),
                        Tlp.RED,
                        Handling.ALL,
                        t.grade(),
                        t.evidence(),
                        t.facts(),
                        t.asOf()));
            }
        }
        return seen;
    }
}
