package org.ewea.api.scoring;

import com.mongodb.client.MongoDatabase;
import org.ewea.api.config.ScoringProperties;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import java.time.InstantSource;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.scoring.relevance.ItemRelevance;
import java.util.List;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.terms.CandidateDecisions;
import org.ewea.scoring.terms.CandidateFinder;
import org.ewea.scoring.terms.TermExtractor;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalAnalysis;
import org.ewea.scoring.signal.SignalBackfill;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.ModelTraining;
import org.ewea.scoring.warning.WarningTrainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Scoring's collections and services. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScoringConfiguration.class);

    @Bean
    SignalRepository signalRepository(MongoDatabase database, Methodology methodology, SourceRepository sources,
            TrackedTerms tracked, org.ewea.api.demo.DemoRecording demo) {
        SignalRepository signals = new SignalRepository(database, new GradeWeights(methodology.grading()),
                MethodologyLoader.cues(methodology.stages()), darkWeb(sources, demo), tracked::seriesOf);
        signals.ensureIndexes();
        return signals;
    }

    @Bean
    TermRepository termRepository(MongoDatabase database, Methodology methodology) {
        TermRepository terms = new TermRepository(database, new TermExtractor(methodology.lexicon()));
        terms.ensureIndexes();
        return terms;
    }

    @Bean
    CandidateDecisions candidateDecisions(MongoDatabase database) {
        return new CandidateDecisions(database);
    }

    @Bean
    TrackedTerms trackedTerms(CandidateDecisions decisions, TermRepository terms, InstantSource clock) {
        return new TrackedTerms(decisions, terms, clock);
    }

    /** The words that are not names: common English words, and day and month names in the methodology's languages. */
    @Bean
    org.ewea.scoring.terms.CommonWords commonWords(Methodology methodology) {
        return org.ewea.scoring.terms.CommonWords.forLanguages(methodology.languages());
    }

    @Bean
    CandidateFinder candidateFinder(TermRepository terms, SignalRepository signals, CandidateDecisions decisions,
            SourceRepository sources, org.ewea.api.demo.DemoRecording demo, org.ewea.scoring.terms.CommonWords words) {
        return new CandidateFinder(terms, signals, decisions, darkWeb(sources, demo), words);
    }

    @Bean
    SignalBackfill signalBackfill(MongoDatabase database, ItemRepository items, SignalRepository signals,
            TermRepository terms, InstantSource clock) {
        return new SignalBackfill(database, items, List.of(signals, terms), clock);
    }

    @Bean
    SignalAnalysis signalAnalysis() {
        return new SignalAnalysis(BurstDetector.defaults());
    }

    @Bean
    ModelRegistry modelRegistry(MongoDatabase database) {
        ModelRegistry registry = new ModelRegistry(database, JsonMapper.builder().build());
        registry.ensureIndexes();
        return registry;
    }

    /**
     * Item relevance with the latest approved retrained model, else the shipped one, and threat types when
     * {@code EWEA_SCORING_THREAT_TYPES_DATA} names labelled articles: the model is trained from them here, at start
     * (deterministic; a file it cannot train on stops the start with the file, line and reason).
     */
    @Bean
    ItemRelevance itemRelevance(ItemRepository items, SourceRepository sources, org.ewea.api.demo.DemoRecording demo,
            ScoringProperties properties,
            org.ewea.collectors.enrich.Annotator annotator,
            org.ewea.collectors.normalise.LanguageDetector languages,
            org.ewea.scoring.relevance.RelevanceModels relevanceModels) {
        org.ewea.scoring.relevance.ThreatTypes types = null;
        if (properties.threatTypesData() != null) {
            long started = System.nanoTime();
            try {
                types = new org.ewea.scoring.relevance.ThreatTypeTraining(annotator, languages)
                        .train(properties.threatTypesData());
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new IllegalStateException("EWEA_SCORING_THREAT_TYPES_DATA: " + e.getMessage(), e);
            }
            LOG.info("Threat-type model {} trained from {} in {} ms: types {}", types.id(),
                    properties.threatTypesData(), (System.nanoTime() - started) / 1_000_000, types.byType().keySet());
        }
        ItemRelevance relevance = new ItemRelevance(items, ItemRelevance.shipped(), darkWeb(sources, demo), types);
        relevanceModels.latestApproved().ifPresent(approved -> {
            relevance.use(approved);
            LOG.info("Threat relevance is scored with the approved retrained model {}", approved.id());
        });
        return relevance;
    }

    @Bean
    org.ewea.scoring.relevance.RelevanceModels relevanceModels(MongoDatabase database) {
        var models = new org.ewea.scoring.relevance.RelevanceModels(database);
        models.ensureIndexes();
        return models;
    }

    @Bean
    org.ewea.scoring.relevance.RelevanceFeedback relevanceFeedback(MongoDatabase database) {
        var feedback = new org.ewea.scoring.relevance.RelevanceFeedback(database);
        feedback.ensureIndexes();
        return feedback;
    }

    /** Retraining with analysts' verdicts; the shipped CTI-ANN examples are featured once, when first needed. */
    @Bean
    org.ewea.scoring.relevance.RelevanceRetraining relevanceRetraining(
            org.ewea.scoring.relevance.RelevanceFeedback feedback, ItemRepository items, ItemRelevance relevance,
            org.ewea.collectors.enrich.Annotator annotator,
            org.ewea.collectors.normalise.LanguageDetector languages) {
        var ctiAnn = new org.ewea.scoring.relevance.CtiAnnExamples(annotator, languages);
        java.util.concurrent.atomic.AtomicReference<List<org.ewea.scoring.relevance.LabelledExample>> read =
                new java.util.concurrent.atomic.AtomicReference<>();
        return new org.ewea.scoring.relevance.RelevanceRetraining(() -> read.updateAndGet(
                cached -> cached != null ? cached : ctiAnn.shipped()), feedback, items, relevance);
    }

    /** Of the source ids given, those the catalogue (or the demo recording's manifest) marks as dark-web sources. */
    private static java.util.function.Function<java.util.Set<String>, java.util.Set<String>> darkWeb(
            SourceRepository sources, org.ewea.api.demo.DemoRecording demo) {
        java.util.Set<String> recorded = demo.darkWebSources();
        return ids -> ids.stream().filter(id -> recorded.contains(id)
                        || sources.find(new SourceId(id)).map(Source::darkWeb).orElse(false))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Bean
    ModelTraining modelTraining(SignalRepository signals, Methodology methodology, ScoringProperties properties,
            org.ewea.alerts.alert.AlertRepository alerts, org.ewea.collectors.enrich.AttackNames attack) {
        var analysts = new org.ewea.alerts.alert.AnalystLabels(alerts);
        return new ModelTraining(signals, methodology, BurstDetector.defaults(), WarningTrainer.defaults(),
                properties.authoritativeSources(), analysts::relevantSince, attack.createdBySeries());
    }

    @Bean
    org.ewea.scoring.warning.CountedMarkings countedMarkings(SignalRepository signals, TermRepository terms) {
        return new org.ewea.scoring.warning.CountedMarkings(signals, terms);
    }

    @Bean
    org.ewea.scoring.warning.ScoreEvidence scoreEvidence(ItemRepository items) {
        return new org.ewea.scoring.warning.ScoreEvidence(items);
    }

    @Bean
    org.ewea.scoring.warning.NameScorer nameScorer(TermRepository terms, SignalRepository signals,
            Methodology methodology) {
        return new org.ewea.scoring.warning.NameScorer(terms, signals, methodology, BurstDetector.defaults(),
                org.ewea.scoring.warning.NameWarningRates.bundled(JsonMapper.builder().build()));
    }

    @Bean
    EarlyWarningScorer earlyWarningScorer(SignalRepository signals, Methodology methodology,
            ScoringProperties properties) {
        return new EarlyWarningScorer(signals, methodology, BurstDetector.defaults(),
                properties.authoritativeSources());
    }
}
