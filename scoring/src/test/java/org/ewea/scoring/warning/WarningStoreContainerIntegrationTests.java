package org.ewea.scoring.warning;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WarningStoreContract} against a Testcontainers MongoDB 8 replica set (skipped without Docker). */
class WarningStoreContainerIntegrationTests extends WarningStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.container();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
