package org.ewea.api.exercise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.InstantSource;
import org.ewea.alerts.AlertsModule;
import org.ewea.alerts.digest.DigestRenderer;
import org.ewea.api.config.CollectorsProperties;
import org.ewea.api.config.ExercisesProperties;
import org.ewea.api.config.ScoringProperties;
import org.ewea.api.security.UserRepository;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.search.SearchAnalyzers;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.ScoringModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Exercise mode's services. */
@Configuration(proxyBeanMethods = false)
class ExerciseConfiguration {

    @Bean
    ExerciseLibrary exerciseLibrary(ExercisesProperties properties) {
        return new ExerciseLibrary(ExerciseConfiguration.class.getClassLoader(), properties.directory());
    }

    @Bean
    ExerciseRepository exerciseRepository(MongoDatabase database) {
        return new ExerciseRepository(database, JsonMapper.builder().build());
    }

    @Bean
    ExerciseService exerciseService(
            ExerciseRunner runner,
            ExerciseLibrary library,
            Methodology methodology,
            UserRepository users,
            DigestRenderer digestRenderer,
            InstantSource clock) {
        return new ExerciseService(runner, library, methodology, users, digestRenderer, clock);
    }

    /** Exercises run the service's three module assemblies with the service's settings (rules, digest schedule...). */
    @Bean
    ExerciseRunner exerciseRunner(
            ExerciseRepository exercises,
            MongoClient client,
            ExerciseLibrary library,
            Methodology methodology,
            Annotator annotator,
            LanguageDetector languages,
            AlertsModule.Settings alertsSettings,
            ScoringProperties scoring,
            ScoringModule.Shared scoringParts,
            CollectorsProperties collectors,
            SearchAnalyzers analyzers,
            ExercisesProperties properties,
            InstantSource clock) {
        ExercisePipeline.Shared shared = new ExercisePipeline.Shared(
                methodology,
                annotator,
                languages,
                collectors.moduleSettings(),
                scoring.moduleSettings(),
                scoringParts,
                alertsSettings,
                analyzers);
        return new ExerciseRunner(
                exercises, client, library, shared, methodology.grading().handlingCodes(), clock, properties.tick());
    }
}
