package org.ewea.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.Test;

/**
 * With EWEA_MONGODB_URI set, the service uses that MongoDB and starts no embedded store. Subclasses say which MongoDB.
 */
abstract class ExternalMongoContract {

    protected abstract MongoStoreExtension store();

    @Test
    void usesTheConfiguredMongoDbAndStartsNoEmbeddedStore() {
        Path data = TestDataDirs.create("external");
        String database = "ewea_it_" + UUID.randomUUID().toString().substring(0, 8);
        String uri = store().connectionString();
        try (RunningApplication app = RunningApplication.start(
                "ewea.data-dir=" + data, "ewea.mongodb-uri=" + uri, "ewea.mongodb-database=" + database)) {
            assertThat(app.bean(MongoEndpoint.class).isEmbedded()).isFalse();
            assertThat(app.bean(MongoEndpoint.class).database()).isEqualTo(database);
            assertThat(app.itemTotal()).isEqualTo(2937);
            app.client()
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
            app.bean(MongoDatabase.class).drop();
        }
        assertThat(Files.exists(data.resolve("ewea-store.mv.db"))).isFalse();
    }
}
