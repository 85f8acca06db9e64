package org.ewea.api.harvest;

import com.mongodb.client.MongoDatabase;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.ewea.api.config.CollectorsProperties;
import org.ewea.api.store.MongoEndpoint;
import org.ewea.collectors.CollectorsModule;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.enrich.EntityExtractor;
import org.ewea.collectors.fetch.HttpFetcher;
import org.ewea.collectors.fetch.Sleeper;
import org.ewea.collectors.harvest.HarvestRunRepository;
import org.ewea.collectors.harvest.Harvester;
import org.ewea.collectors.harvest.HealthAssessor;
import org.ewea.collectors.harvest.SourceStateRepository;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.normalise.LinguaLanguageDetector;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.schedule.HarvestScheduler;
import org.ewea.collectors.schedule.SourceLock;
import org.ewea.collectors.source.SourceCatalogueFile;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.collectors.source.SourceValidator;
import org.ewea.collectors.store.ImportLedger;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.store.RawCaptureStore;
import org.ewea.methodology.definition.Methodology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Fetcher, harvester and health assessment, with their collections' indexes. */
@Configuration(proxyBeanMethods = false)
class HarvestConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestConfiguration.class);

    @Bean(destroyMethod = "close")
    HttpFetcher httpFetcher(CollectorsProperties properties, InstantSource clock) {
        return new HttpFetcher(properties.fetchSettings(), clock, Sleeper.REAL, RandomGenerator.getDefault());
    }

    /** The collectors module over the service's database and the wall clock: the same assembly as an exercise's. */
    @Bean
    CollectorsModule collectorsModule(
            MongoDatabase database,
            InstantSource clock,
            CollectorsProperties properties,
            Annotator annotator,
            LanguageDetector languages) {
        return CollectorsModule.over(database, clock, properties.moduleSettings(), annotator, languages);
    }

    @Bean
    ItemRepository itemRepository(CollectorsModule collectors) {
        return collectors.items();
    }

    @Bean
    ImportLedger importLedger(CollectorsModule collectors) {
        return collectors.ledger();
    }

    @Bean
    HarvestRunRepository harvestRunRepository(CollectorsModule collectors) {
        return collectors.runs();
    }

    @Bean
    SourceStateRepository sourceStateRepository(CollectorsModule collectors) {
        return collectors.states();
    }

    /** MITRE ATT&CK's group and software names and creation days, when EWEA_COLLECTORS_ATTACK_DATA names them. */
    @Bean
    AttackNames attackNames(CollectorsProperties properties) {
        return properties.attackData() == null ? AttackNames.none() : AttackNames.read(properties.attackData());
    }

    @Bean
    Annotator annotator(Methodology methodology, AttackNames attack) {
        LOG.info(
                "Items are tagged under methodology {} and {} ATT&CK names",
                methodology.versionId(),
                attack.names().size());
        return new Annotator(methodology.lexicon(), methodology.versionId(), new EntityExtractor(attack));
    }

    @Bean
    RawCaptureStore rawCaptureStore(CollectorsModule collectors) {
        return collectors.raw();
    }

    /** Lingua, for the methodology's languages plus Russian and Ukrainian; built once (its models are large). */
    @Bean
    LanguageDetector languageDetector(Methodology methodology) {
        Set<String> languages = new LinkedHashSet<>(methodology.languages());
        languages.addAll(List.of("ru", "uk"));
        return new LinguaLanguageDetector(languages);
    }

    /** Capture processing; scoring and the search index listen to what it stores (their configurations say so). */
    @Bean
    CaptureProcessor captureProcessor(CollectorsModule collectors) {
        return collectors.processor();
    }

    @Bean
    Harvester harvester(
            HttpFetcher fetcher,
            CaptureProcessor processor,
            ImportLedger ledger,
            HarvestRunRepository runs,
            SourceStateRepository states,
            InstantSource clock) {
        return new Harvester(fetcher, processor, ledger, runs, states, clock);
    }

    /**
     * The per-source and per-task locks. On the embedded store only this process can have the store open, so a lock
     * held at start was left by a process that died holding it (kill -9 during a harvest) and is released.
     */
    @Bean
    SourceLock sourceLock(MongoDatabase database, InstantSource clock, MongoEndpoint endpoint) {
        SourceLock lock = new SourceLock(database, clock);
        if (endpoint.isEmbedded()) {
            List<String> released = lock.releaseLeftByADeadProcess();
            if (!released.isEmpty()) {
                LoggerFactory.getLogger(SourceLock.class)
                        .warn(
                                "Released {} lock(s) left by a process that" + " stopped while holding them: {}",
                                released.size(),
                                released);
            }
        }
        return lock;
    }

    @Bean(destroyMethod = "close")
    HarvestScheduler harvestScheduler(
            CollectorsProperties properties,
            SourceLock lock,
            SourceRepository sources,
            Harvester harvester,
            RawCaptureStore raw,
            InstantSource clock) {
        return new HarvestScheduler(
                properties.schedulerThreads(),
                id -> lock.runScheduled(
                        id, () -> sources.find(id).map(harvester::harvest).orElse(null)),
                sources::enabled,
                properties.resyncInterval(),
                () -> {
                    int purged = raw.purgeExpired(clock.instant());
                    if (purged > 0) {
                        LOG.info(
                                "Purged {} raw captures older than the retention of {}",
                                purged,
                                properties.rawRetention());
                    }
                });
    }

    /** Checks sources as the API, the catalogue file and OPML imports describe them, with the method's codes. */
    @Bean
    SourceValidator sourceValidator(Methodology methodology) {
        return new SourceValidator(methodology.grading().handlingCodes());
    }

    @Bean
    HarvestSchedulerStarter harvestSchedulerStarter(
            HarvestScheduler scheduler,
            CollectorsProperties properties,
            SourceRepository sources,
            InstantSource clock,
            SourceValidator validator) {
        return new HarvestSchedulerStarter(scheduler, properties.schedulerEnabled(), () -> {
            if (properties.sourcesFile() != null) {
                var file = new SourceCatalogueFile(validator);
                int applied =
                        file.apply(file.read(properties.sourcesFile(), clock.instant()), sources, clock.instant());
                LOG.info("Source catalogue {}: {} source(s) created or updated", properties.sourcesFile(), applied);
            }
        });
    }

    @Bean
    HealthAssessor healthAssessor(CollectorsModule collectors) {
        return collectors.health();
    }
}
