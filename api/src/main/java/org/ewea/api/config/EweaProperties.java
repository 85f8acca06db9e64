package org.ewea.api.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide settings, bound from {@code EWEA_*} environment variables (or {@code ewea.*} properties).
 *
 * @param dataDir where the embedded store and other local state live ({@code EWEA_DATA_DIR}, default {@code ./data})
 * @param mongodbUri a MongoDB connection string; when set, the embedded store is not started and this MongoDB is used
 *     ({@code EWEA_MONGODB_URI})
 * @param mongodbDatabase the database to use when the URI names none ({@code EWEA_MONGODB_DATABASE}, default
 *     {@code ewea})
 * @param demoEnabled import the bundled demo recording at start if it was not imported yet
 *     ({@code EWEA_DEMO_ENABLED}, default true)
 * @param storeThreads the most threads that may run blocking store calls at once ({@code EWEA_STORE_THREADS},
 *     default 32)
 * @param methodologyDir a directory of methodology definition files that override and extend the defaults
 *     ({@code EWEA_METHODOLOGY_DIR}; unset: the defaults shipped in the jar)
 */
@ConfigurationProperties("ewea")
public record EweaProperties(
        @DefaultValue("./data") Path dataDir,
        @Nullable String mongodbUri,
        @DefaultValue("ewea") String mongodbDatabase,
        @DefaultValue("true") boolean demoEnabled,
        @DefaultValue("32") int storeThreads,
        @Nullable Path methodologyDir) {

    public EweaProperties {
        if (storeThreads < 1) {
            throw new IllegalArgumentException("ewea.store-threads (EWEA_STORE_THREADS) must be at least 1");
        }
        if (mongodbDatabase.isBlank()) {
            throw new IllegalArgumentException("ewea.mongodb-database (EWEA_MONGODB_DATABASE) must not be blank");
        }
    }

    /** True when no external MongoDB is configured and the embedded one is used. */
    public boolean embeddedStore() {
        return mongodbUri == null || mongodbUri.isBlank();
    }
}
