package org.ewea.collectors.source;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SourceRepositoryContract} against a Testcontainers MongoDB 8 replica set (skipped without Docker). */
class SourceRepositoryContainerIntegrationTests extends SourceRepositoryContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.container();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
