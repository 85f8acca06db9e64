package org.ewea.api.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.ewea.api.config.EweaProperties;
import org.ewea.api.config.SecurityProperties;
import org.ewea.collectors.source.SecretSeal;
import org.ewea.collectors.source.SourceRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoDB client, the database and the source catalogue; each module's own stores are built by its assembly
 * ({@code CollectorsModule}, {@code ScoringModule}, {@code AlertsModule}).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    MongoEndpoint mongoEndpoint(EweaProperties properties) {
        return MongoEndpoint.open(properties);
    }

    @Bean(destroyMethod = "close")
    PrivateDataDir privateDataDir(EweaProperties properties) {
        return new PrivateDataDir(properties.dataDir(), Duration.ofMinutes(5));
    }

    @Bean
    EventLoopGuard eventLoopGuard() {
        return new EventLoopGuard();
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoEndpoint endpoint, ObjectProvider<CommandListener> listeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(endpoint.connectionString())
                .applicationName("ewea")
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(15, TimeUnit.SECONDS));
        listeners.orderedStream().forEach(settings::addCommandListener);
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, MongoEndpoint endpoint) {
        return client.getDatabase(endpoint.database());
    }

    /** Every write a request made is committed before its answer leaves (embedded store). */
    @Bean
    CommitBeforeAnswer commitBeforeAnswer(MongoEndpoint endpoint, BlockingStore store) {
        return new CommitBeforeAnswer(endpoint, store);
    }

    @Bean
    BlockingStore blockingStore(EweaProperties properties) {
        return new BlockingStore(properties.storeThreads());
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoDatabase database, MongoEndpoint endpoint, EventLoopGuard guard) {
        return new MongoHealthIndicator(database, endpoint, guard);
    }

    /**
     * Seals the credentials kept in the store (source URLs and proxies) under the secrets key, a file the store does
     * not hold (created at first start, mode 600).
     */
    @Bean
    SecretSeal secretSeal(EweaProperties ewea, SecurityProperties security) {
        return new SecretSeal(PrivateFiles.key(security.secretsKeyFile(ewea), SecretSeal.KEY_BYTES));
    }

    @Bean
    SourceRepository sourceRepository(MongoDatabase database, SecretSeal seal) {
        SourceRepository repository = new SourceRepository(database, seal);
        repository.ensureIndexes();
        return repository;
    }
}
