package org.ewea.scoring.signal;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SignalRepositoryContract} against a Testcontainers MongoDB 8 replica set (skipped without Docker). */
class SignalRepositoryContainerIntegrationTests extends SignalRepositoryContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.container();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
