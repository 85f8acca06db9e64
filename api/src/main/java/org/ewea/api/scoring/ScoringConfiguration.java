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

    @Bean
    SignalRepository signalRepository(MongoDatabase database, Methodology methodology, SourceRepository sources,
            TrackedTerms tracked) {
        SignalRepository signals = new SignalRepository(database, new GradeWeights(methodology.grading()),
                MethodologyLoader.cues(methodology.stages()), darkWeb(sources), tracked::seriesOf);
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

    @Bean
    CandidateFinder candidateFinder(TermRepository terms, SignalRepository signals, CandidateDecisions decisions,
            SourceRepository sources) {
        return new CandidateFinder(terms, signals, decisions, darkWeb(sources));
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

    @Bean
    ItemRelevance itemRelevance(ItemRepository items, SourceRepository sources) {
        return new ItemRelevance(items, ItemRelevance.shipped(), darkWeb(sources));
    }

    /** Of the source ids given, those the catalogue marks as dark-web sources. */
    private static java.util.function.Function<java.util.Set<String>, java.util.Set<String>> darkWeb(
            SourceRepository sources) {
        return ids -> ids.stream().filter(id -> sources.find(new SourceId(id)).map(Source::darkWeb).orElse(false))
                .collect(java.util.stream.Collectors.toSet());
    }

    @Bean
    ModelTraining modelTraining(SignalRepository signals, Methodology methodology, ScoringProperties properties,
            org.ewea.alerts.alert.AlertRepository alerts) {
        var analysts = new org.ewea.alerts.alert.AnalystLabels(alerts);
        return new ModelTraining(signals, methodology, BurstDetector.defaults(), WarningTrainer.defaults(),
                properties.authoritativeSources(), analysts::relevantSince);
    }

    @Bean
    org.ewea.scoring.warning.ScoreEvidence scoreEvidence(ItemRepository items) {
        return new org.ewea.scoring.warning.ScoreEvidence(items);
    }

    @Bean
    EarlyWarningScorer earlyWarningScorer(SignalRepository signals, Methodology methodology,
            ScoringProperties properties) {
        return new EarlyWarningScorer(signals, methodology, BurstDetector.defaults(),
                properties.authoritativeSources());
    }
}
