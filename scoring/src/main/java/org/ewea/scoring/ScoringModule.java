package org.ewea.scoring;

import com.mongodb.client.MongoDatabase;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.ewea.collectors.CollectorsModule;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.relevance.RelevanceFeedback;
import org.ewea.scoring.relevance.RelevanceModels;
import org.ewea.scoring.relevance.RelevanceWeights;
import org.ewea.scoring.relevance.ThreatTypes;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalBackfill;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.CandidateDecisions;
import org.ewea.scoring.terms.CandidateFinder;
import org.ewea.scoring.terms.CommonWords;
import org.ewea.scoring.terms.TermExtractor;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.ewea.scoring.warning.CountedMarkings;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.NameScorer;
import org.ewea.scoring.warning.NameWarningRates;
import org.ewea.scoring.warning.ScoreEvidence;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scoring module assembled over one database and the collectors assembled over it: signal series, terms and
 * novel-name candidates, item relevance, the early-warning models and scorers, with their indexes. Built by
 * {@link #over}, which also puts scoring behind collection: every batch of items stored new is added to the series
 * and terms and scored for relevance ({@link StoredItemsListener}). The service and every exercise build it the same
 * way; the relevance model in use is the latest an analyst approved in that database, else the shipped one.
 */
public final class ScoringModule {

    /** @param authoritativeSources the ids of the sources whose first mention of a subject makes it authoritative */
    public record Settings(Set<String> authoritativeSources) {

        public Settings {
            authoritativeSources = Set.copyOf(authoritativeSources);
        }
    }

    /**
     * What every assembly shares, read-only.
     *
     * @param relevance the relevance model to use until an analyst approves another
     * @param threatTypes the threat-type model, or null for none
     * @param words the words that are not names
     * @param nameRates the measured rates of the novel-name rule
     */
    public record Shared(
            Methodology methodology,
            RelevanceWeights relevance,
            @Nullable ThreatTypes threatTypes,
            CommonWords words,
            NameWarningRates nameRates) {

        /** The shipped models, and common words in the methodology's languages. */
        public static Shared shipped(Methodology methodology, @Nullable ThreatTypes threatTypes) {
            return new Shared(
                    methodology,
                    ItemRelevance.shipped(),
                    threatTypes,
                    CommonWords.forLanguages(methodology.languages()),
                    NameWarningRates.bundled(JsonMapper.builder().build()));
        }
    }

    private final TermRepository terms;
    private final CandidateDecisions decisions;
    private final TrackedTerms tracked;
    private final SignalRepository signals;
    private final CandidateFinder candidates;
    private final ModelRegistry models;
    private final RelevanceModels relevanceModels;
    private final RelevanceFeedback feedback;
    private final ItemRelevance relevance;
    private final CountedMarkings counted;
    private final ScoreEvidence evidence;
    private final NameScorer names;
    private final EarlyWarningScorer scorer;
    private final SignalBackfill backfill;

    private ScoringModule(
            MongoDatabase database,
            InstantSource clock,
            Settings settings,
            Shared shared,
            CollectorsModule collectors,
            Function<Set<String>, Set<String>> darkWebSources) {
        Methodology methodology = shared.methodology();
        terms = new TermRepository(database, new TermExtractor(methodology.lexicon()));
        terms.ensureIndexes();
        decisions = new CandidateDecisions(database);
        tracked = new TrackedTerms(decisions, terms, clock);
        signals = new SignalRepository(
                database,
                new GradeWeights(methodology.grading()),
                MethodologyLoader.cues(methodology.stages()),
                darkWebSources,
                tracked::seriesOf);
        signals.ensureIndexes();
        candidates = new CandidateFinder(terms, signals, decisions, darkWebSources, shared.words());
        models = new ModelRegistry(database, JsonMapper.builder().build());
        models.ensureIndexes();
        relevanceModels = new RelevanceModels(database);
        relevanceModels.ensureIndexes();
        feedback = new RelevanceFeedback(database);
        feedback.ensureIndexes();
        relevance = new ItemRelevance(collectors.items(), shared.relevance(), darkWebSources, shared.threatTypes());
        relevanceModels.latestApproved().ifPresent(relevance::use);
        counted = new CountedMarkings(signals, terms);
        evidence = new ScoreEvidence(collectors.items());
        names = new NameScorer(terms, signals, methodology, BurstDetector.defaults(), shared.nameRates());
        scorer =
                new EarlyWarningScorer(signals, methodology, BurstDetector.defaults(), settings.authoritativeSources());
        backfill = new SignalBackfill(database, collectors.items(), List.of(signals, terms), clock);
        collectors.whenItemsStored(new StoredItemsListener(signals, terms, relevance));
    }

    /**
     * @param clock the time of the world being scored (the wall clock; an exercise's replay clock)
     * @param darkWebSources of the source ids given, those that are dark-web or underground sources
     */
    public static ScoringModule over(
            MongoDatabase database,
            InstantSource clock,
            Settings settings,
            Shared shared,
            CollectorsModule collectors,
            Function<Set<String>, Set<String>> darkWebSources) {
        return new ScoringModule(database, clock, settings, shared, collectors, darkWebSources);
    }

    public TermRepository terms() {
        return terms;
    }

    /** Analysts' decisions on novel-name candidates. */
    public CandidateDecisions decisions() {
        return decisions;
    }

    /** The names analysts accepted, tracked as series of their own. */
    public TrackedTerms tracked() {
        return tracked;
    }

    public SignalRepository signals() {
        return signals;
    }

    public CandidateFinder candidates() {
        return candidates;
    }

    /** The early-warning models trained on this database. */
    public ModelRegistry models() {
        return models;
    }

    public RelevanceModels relevanceModels() {
        return relevanceModels;
    }

    public RelevanceFeedback feedback() {
        return feedback;
    }

    public ItemRelevance relevance() {
        return relevance;
    }

    public CountedMarkings counted() {
        return counted;
    }

    public ScoreEvidence evidence() {
        return evidence;
    }

    /** Scores of the names the novel-name rule warned of. */
    public NameScorer names() {
        return names;
    }

    /** Scores of the taxonomy's technologies and CVEs. */
    public EarlyWarningScorer scorer() {
        return scorer;
    }

    /** Rebuilds the derived series (signals, terms) from the item store when their shape changed. */
    public SignalBackfill backfill() {
        return backfill;
    }
}
