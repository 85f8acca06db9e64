package org.ewea.api.store;

import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExternalMongoContract} against a Testcontainers MongoDB 8 replica set (skipped without Docker). */
class ExternalMongoContainerIntegrationTests extends ExternalMongoContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.container();

    @Override
    protected MongoStoreExtension store() {
        return STORE;
    }
}
