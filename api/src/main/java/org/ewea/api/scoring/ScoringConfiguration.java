package org.ewea.api.scoring;

import com.mongodb.client.MongoDatabase;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import java.time.InstantSource;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalAnalysis;
import org.ewea.scoring.signal.SignalBackfill;
import org.ewea.scoring.signal.SignalRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scoring's collections and services. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    @Bean
    SignalRepository signalRepository(MongoDatabase database, Methodology methodology) {
        SignalRepository signals = new SignalRepository(database, new GradeWeights(methodology.grading()),
                MethodologyLoader.cues(methodology.stages()));
        signals.ensureIndexes();
        return signals;
    }

    @Bean
    SignalBackfill signalBackfill(MongoDatabase database, ItemRepository items, SignalRepository signals,
            InstantSource clock) {
        return new SignalBackfill(database, items, signals, clock);
    }

    @Bean
    SignalAnalysis signalAnalysis() {
        return new SignalAnalysis(BurstDetector.defaults());
    }
}
