package org.ewea.alerts;

import com.mongodb.client.MongoDatabase;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Supplier;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.digest.DigestBuilder;
import org.ewea.alerts.digest.DigestRepository;
import org.ewea.alerts.digest.DigestSchedule;
import org.ewea.alerts.digest.DigestService;
import org.ewea.alerts.engine.AlertEngine;
import org.ewea.alerts.engine.AlertEvaluator;
import org.ewea.alerts.engine.AlertInputs;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.collectors.CollectorsModule;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.ScoringModule;

/**
 * The alerts module assembled over one database and the scoring and collectors assembled over it: alerts and their
 * event log, early actions, the rule book and engine, the lifecycle analysts move alerts through, and the weekly
 * digests with their archive. The service and every exercise build it with {@link #over}; deliveries to subscribers
 * are the service's own.
 */
public final class AlertsModule {

    /**
     * @param rules the rules from the rules file (or the shipped defaults), before any saved through the API
     * @param digests when weekly digests are made, and for whom
     */
    public record Settings(List<AlertRule> rules, DigestSchedule digests) {

        public Settings {
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param pipeline the time of the world alerts are raised in (the wall clock; an exercise's replay clock)
     * @param decisions the time analysts' decisions are stamped with (the wall clock; an exercise's simulated now)
     */
    public record Clocks(InstantSource pipeline, InstantSource decisions) {

        /** One clock for both (the service). */
        public static Clocks of(InstantSource clock) {
            return new Clocks(clock, clock);
        }
    }

    private final Settings settings;
    private final AlertRepository alerts;
    private final AlertEventLog events;
    private final ActionRepository actions;
    private final RuleBook rules;
    private final AlertRaiser raiser;
    private final AlertLifecycle lifecycle;
    private final ActionPlanner planner;
    private final AlertEngine engine;
    private final DigestRepository archive;
    private final DigestService digests;

    private AlertsModule(
            MongoDatabase database,
            Clocks clocks,
            Settings settings,
            Methodology methodology,
            CollectorsModule collectors,
            ScoringModule scoring,
            Supplier<AlertInputs.Sources> sources) {
        this.settings = settings;
        alerts = new AlertRepository(database);
        alerts.ensureIndexes();
        events = new AlertEventLog(database);
        actions = new ActionRepository(database);
        rules = new RuleBook(settings.rules(), database);
        raiser = new AlertRaiser(alerts, events, clocks.pipeline());
        lifecycle = new AlertLifecycle(alerts, events, methodology, clocks.decisions());
        planner = new ActionPlanner(methodology, actions, clocks.pipeline());
        engine = new AlertEngine(
                rules,
                new AlertEvaluator(methodology, scoring.evidence(), collectors.items(), scoring.counted()),
                raiser,
                planner,
                scoring.scorer(),
                scoring.models(),
                scoring.signals(),
                sources,
                clocks.pipeline(),
                day -> scoring.candidates().find(day, false));
        archive = new DigestRepository(database);
        digests = new DigestService(
                new DigestBuilder(
                        scoring.scorer(),
                        scoring.models(),
                        scoring.signals(),
                        scoring.evidence(),
                        scoring.counted(),
                        alerts,
                        actions,
                        collectors.items(),
                        sources,
                        methodology,
                        clocks.pipeline()),
                archive);
    }

    /**
     * @param sources the sources alerts are raised over, with their health (for the collection-gap rule and the
     *     digests' source section)
     */
    public static AlertsModule over(
            MongoDatabase database,
            Clocks clocks,
            Settings settings,
            Methodology methodology,
            CollectorsModule collectors,
            ScoringModule scoring,
            Supplier<AlertInputs.Sources> sources) {
        return new AlertsModule(database, clocks, settings, methodology, collectors, scoring, sources);
    }

    public Settings settings() {
        return settings;
    }

    public AlertRepository alerts() {
        return alerts;
    }

    public AlertEventLog events() {
        return events;
    }

    /** Early actions. */
    public ActionRepository actions() {
        return actions;
    }

    public RuleBook rules() {
        return rules;
    }

    public AlertRaiser raiser() {
        return raiser;
    }

    /** Analysts' transitions of alerts. */
    public AlertLifecycle lifecycle() {
        return lifecycle;
    }

    public ActionPlanner planner() {
        return planner;
    }

    /** The rule engine: evaluates every rule and raises, updates or resolves alerts. */
    public AlertEngine engine() {
        return engine;
    }

    /** The digests made, kept. */
    public DigestRepository archive() {
        return archive;
    }

    public DigestService digests() {
        return digests;
    }
}
