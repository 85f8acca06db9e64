package org.ewea.api.scoring;

import com.mongodb.client.MongoDatabase;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AnalystLabels;
import org.ewea.api.config.ScoringProperties;
import org.ewea.api.demo.DemoRecording;
import org.ewea.collectors.CollectorsModule;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.ScoringModule;
import org.ewea.scoring.relevance.CtiAnnExamples;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.relevance.LabelledExample;
import org.ewea.scoring.relevance.RelevanceFeedback;
import org.ewea.scoring.relevance.RelevanceModels;
import org.ewea.scoring.relevance.RelevanceRetraining;
import org.ewea.scoring.relevance.ThreatTypeTraining;
import org.ewea.scoring.relevance.ThreatTypes;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalAnalysis;
import org.ewea.scoring.signal.SignalBackfill;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.CandidateDecisions;
import org.ewea.scoring.terms.CandidateFinder;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.ewea.scoring.warning.CountedMarkings;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.ModelTraining;
import org.ewea.scoring.warning.NameScorer;
import org.ewea.scoring.warning.ScoreEvidence;
import org.ewea.scoring.warning.WarningTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scoring's collections and services. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringConfiguration.class);

    /**
     * Threat types when {@code EWEA_SCORING_THREAT_TYPES_DATA} names labelled articles: the model is trained from
     * them here, at start (deterministic; a file it cannot train on stops the start with the file, line and reason).
     */
    @Bean
    ScoringModule.Shared scoringShared(
            Methodology methodology, ScoringProperties properties, Annotator annotator, LanguageDetector languages) {
        ThreatTypes types = null;
        if (properties.threatTypesData() != null) {
            long started = System.nanoTime();
            try {
                types = new ThreatTypeTraining(annotator, languages).train(properties.threatTypesData());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new IllegalStateException("EWEA_SCORING_THREAT_TYPES_DATA: " + e.getMessage(), e);
            }
            LOG.info(
                    "Threat-type model {} trained from {} in {} ms: types {}",
                    types.id(),
                    properties.threatTypesData(),
                    (System.nanoTime() - started) / 1_000_000,
                    types.byType().keySet());
        }
        return ScoringModule.Shared.shipped(methodology, types);
    }

    /**
     * The scoring module over the service's database, behind the collectors module (the same assembly as an
     * exercise's); item relevance uses the latest approved retrained model, else the shipped one.
     */
    @Bean
    ScoringModule scoringModule(
            MongoDatabase database,
            InstantSource clock,
            ScoringProperties properties,
            ScoringModule.Shared shared,
            CollectorsModule collectors,
            SourceRepository sources,
            DemoRecording demo) {
        ScoringModule scoring = ScoringModule.over(
                database, clock, properties.moduleSettings(), shared, collectors, darkWeb(sources, demo));
        scoring.relevanceModels()
                .latestApprovedId()
                .ifPresent(id -> LOG.info("Threat relevance is scored with the approved retrained model {}", id));
        return scoring;
    }

    @Bean
    SignalRepository signalRepository(ScoringModule scoring) {
        return scoring.signals();
    }

    @Bean
    TermRepository termRepository(ScoringModule scoring) {
        return scoring.terms();
    }

    @Bean
    CandidateDecisions candidateDecisions(ScoringModule scoring) {
        return scoring.decisions();
    }

    @Bean
    TrackedTerms trackedTerms(ScoringModule scoring) {
        return scoring.tracked();
    }

    @Bean
    CandidateFinder candidateFinder(ScoringModule scoring) {
        return scoring.candidates();
    }

    @Bean
    SignalBackfill signalBackfill(ScoringModule scoring) {
        return scoring.backfill();
    }

    @Bean
    SignalAnalysis signalAnalysis() {
        return new SignalAnalysis(BurstDetector.defaults());
    }

    @Bean
    ModelRegistry modelRegistry(ScoringModule scoring) {
        return scoring.models();
    }

    @Bean
    ItemRelevance itemRelevance(ScoringModule scoring) {
        return scoring.relevance();
    }

    @Bean
    RelevanceModels relevanceModels(ScoringModule scoring) {
        return scoring.relevanceModels();
    }

    @Bean
    RelevanceFeedback relevanceFeedback(ScoringModule scoring) {
        return scoring.feedback();
    }

    /** Retraining with analysts' verdicts; the shipped CTI-ANN examples are featured once, when first needed. */
    @Bean
    RelevanceRetraining relevanceRetraining(
            RelevanceFeedback feedback,
            ItemRepository items,
            ItemRelevance relevance,
            Annotator annotator,
            LanguageDetector languages) {
        var ctiAnn = new CtiAnnExamples(annotator, languages);
        AtomicReference<List<LabelledExample>> read = new AtomicReference<>();
        return new RelevanceRetraining(
                () -> read.updateAndGet(cached -> cached != null ? cached : ctiAnn.shipped()),
                feedback,
                items,
                relevance);
    }

    /** Of the source ids given, those the catalogue (or the demo recording's manifest) marks as dark-web sources. */
    private static Function<Set<String>, Set<String>> darkWeb(SourceRepository sources, DemoRecording demo) {
        Set<String> recorded = demo.darkWebSources();
        return ids -> ids.stream()
                .filter(id -> recorded.contains(id)
                        || sources.find(new SourceId(id)).map(Source::darkWeb).orElse(false))
                .collect(Collectors.toSet());
    }

    @Bean
    ModelTraining modelTraining(
            SignalRepository signals,
            Methodology methodology,
            ScoringProperties properties,
            AlertRepository alerts,
            AttackNames attack) {
        var analysts = new AnalystLabels(alerts);
        return new ModelTraining(
                signals,
                methodology,
                BurstDetector.defaults(),
                WarningTrainer.defaults(),
                properties.authoritativeSources(),
                analysts::relevantSince,
                attack.createdBySeries());
    }

    @Bean
    CountedMarkings countedMarkings(ScoringModule scoring) {
        return scoring.counted();
    }

    @Bean
    ScoreEvidence scoreEvidence(ScoringModule scoring) {
        return scoring.evidence();
    }

    @Bean
    NameScorer nameScorer(ScoringModule scoring) {
        return scoring.names();
    }

    @Bean
    EarlyWarningScorer earlyWarningScorer(ScoringModule scoring) {
        return scoring.scorer();
    }
}
