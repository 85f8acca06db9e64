package org.ewea.api.scoring;

import com.mongodb.client.MongoDatabase;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scoring's collections and services. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    @Bean
    SignalRepository signalRepository(MongoDatabase database, Methodology methodology) {
        return new SignalRepository(database, new GradeWeights(methodology.grading()));
    }
}
