package org.ewea.api.exercise;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ewea.alerts.action.ActionPlanner;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.digest.DigestBuilder;
import org.ewea.alerts.digest.DigestRepository;
import org.ewea.alerts.digest.DigestService;
import org.ewea.alerts.engine.AlertEngine;
import org.ewea.alerts.engine.AlertEvaluator;
import org.ewea.alerts.engine.AlertInputs;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleBook;
import org.ewea.collectors.CaptureProcessor;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.harvest.HarvestRunRepository;
import org.ewea.collectors.harvest.HealthAssessor;
import org.ewea.collectors.harvest.SourceStateRepository;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.replay.ReplayClock;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.store.RawCaptureStore;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.StoredItemsListener;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.relevance.RelevanceWeights;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.CandidateDecisions;
import org.ewea.scoring.terms.CandidateFinder;
import org.ewea.scoring.terms.TermExtractor;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.ScoreEvidence;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's real pipeline (capture processing, signals, terms, relevance, early-warning scoring, rule engine,
 * alerts and early actions) built over one exercise's own database and clocks, so nothing of the live service is
 * read or written. The same classes the service wires with Spring, wired here by hand: the replay clock (the time of
 * the event being replayed) drives the pipeline; the exercise clock (the simulated "now") stamps participants'
 * decisions. The scoring model is the one shipped with the service: an exercise never reads the live model registry.
 *
 * @param database the exercise's database
 * @param replay the pipeline's clock
 * @param items items
 * @param processor capture processing into items, signals, terms and relevance
 * @param runs harvest runs of the replayed sources (source health for the collection-gap rule)
 * @param states the replayed sources' state
 * @param alerts alerts
 * @param events alert events
 * @param actions early actions
 * @param engine the rule engine
 * @param lifecycle participants' alert transitions, stamped with the exercise clock
 * @param digests the weekly digests, made as the service makes them
 * @param archive where they are kept
 */
record ExercisePipeline(MongoDatabase database, ReplayClock replay, ItemRepository items, CaptureProcessor processor,
        HarvestRunRepository runs, SourceStateRepository states, AlertRepository alerts, AlertEventLog events,
        ActionRepository actions, AlertEngine engine, AlertLifecycle lifecycle, DigestService digests,
        DigestRepository archive) {

    /** The id of the rule made from an exercise's watchlist. */
    static final String WATCHLIST = "exercise-watchlist";

    /** What every exercise pipeline shares with the service: stateless, read-only parts. */
    record Shared(Methodology methodology, Annotator annotator, LanguageDetector languages,
            RelevanceWeights relevance, org.ewea.scoring.relevance.@org.jspecify.annotations.Nullable ThreatTypes
            threatTypes, List<AlertRule> rules, Set<String> authoritativeSources, double silentFactor,
            org.ewea.scoring.terms.CommonWords words) {
    }

    /**
     * Builds the pipeline over {@code database}.
     *
     * @param sourceTitles the replayed sources' titles by id (for collection-gap alerts)
     * @param simulatedNow the exercise clock
     */
    static ExercisePipeline over(MongoDatabase database, ReplayClock replay, Shared shared,
            Map<String, String> sourceTitles, Set<String> darkWebSources, List<String> watch,
            InstantSource simulatedNow) {
        Methodology methodology = shared.methodology();
        ItemRepository items = new ItemRepository(database);
        items.ensureIndexes();
        RawCaptureStore raw = new RawCaptureStore(database, Duration.ofDays(36_500));
        TermRepository terms = new TermRepository(database, new TermExtractor(methodology.lexicon()));
        terms.ensureIndexes();
        CandidateDecisions decisions = new CandidateDecisions(database);
        TrackedTerms tracked = new TrackedTerms(decisions, terms, replay);
        java.util.function.Function<Set<String>, Set<String>> darkWeb = ids -> ids.stream()
                .filter(darkWebSources::contains).collect(java.util.stream.Collectors.toSet());
        SignalRepository signals = new SignalRepository(database, new GradeWeights(methodology.grading()),
                MethodologyLoader.cues(methodology.stages()), darkWeb, tracked::seriesOf);
        signals.ensureIndexes();
        ItemRelevance relevance = new ItemRelevance(items, shared.relevance(), darkWeb, shared.threatTypes());
        CaptureProcessor processor = new CaptureProcessor(items, shared.annotator(), raw::keep, shared.languages(),
                new StoredItemsListener(signals, terms, relevance));
        HarvestRunRepository runs = new HarvestRunRepository(database);
        runs.ensureIndexes();
        SourceStateRepository states = new SourceStateRepository(database);
        HealthAssessor health = new HealthAssessor(runs, states, replay, shared.silentFactor());
        AlertRepository alerts = new AlertRepository(database);
        alerts.ensureIndexes();
        AlertEventLog events = new AlertEventLog(database);
        ActionRepository actions = new ActionRepository(database);
        ModelRegistry models = new ModelRegistry(database, JsonMapper.builder().build());
        models.ensureIndexes();
        EarlyWarningScorer scorer = new EarlyWarningScorer(signals, methodology, BurstDetector.defaults(),
                shared.authoritativeSources());
        AlertRaiser raiser = new AlertRaiser(alerts, events, replay);
        ActionPlanner planner = new ActionPlanner(methodology, actions, replay);
        Map<String, String> titles = new LinkedHashMap<>(sourceTitles);
        Supplier<AlertInputs.Sources> sources = () -> new AlertInputs.Sources(titles.keySet().stream()
                .filter(id -> states.find(id).lastRun() != null).map(health::assess).toList(), titles);
        List<AlertRule> rules = new java.util.ArrayList<>(shared.rules());
        if (!watch.isEmpty()) {
            rules.add(new AlertRule(WATCHLIST, "Exercise watchlist", org.ewea.alerts.rule.RuleType.WATCHLIST, true,
                    null, null, null, null, null, null, 1, watch, null, null, Duration.ofDays(2)));
        }
        org.ewea.scoring.warning.CountedMarkings counted = new org.ewea.scoring.warning.CountedMarkings(signals, terms);
        AlertEngine engine = new AlertEngine(new RuleBook(rules, database),
                new AlertEvaluator(methodology, new ScoreEvidence(items), items, counted), raiser, planner, scorer,
                models,
                signals, sources, replay, day -> new CandidateFinder(terms, signals, decisions, darkWeb, shared.words())
                        .find(day, false));
        AlertLifecycle lifecycle = new AlertLifecycle(alerts, events, methodology, simulatedNow);
        DigestRepository archive = new DigestRepository(database);
        DigestService digests = new DigestService(new DigestBuilder(scorer, models, signals, new ScoreEvidence(items),
                counted, alerts, actions, items, sources, methodology, replay), archive);
        return new ExercisePipeline(database, replay, items, processor, runs, states, alerts, events, actions, engine,
                lifecycle, digests, archive);
    }
}
