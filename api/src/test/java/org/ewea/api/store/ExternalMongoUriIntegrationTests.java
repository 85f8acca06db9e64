package org.ewea.api.store;

import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExternalMongoContract} against the MongoDB at EWEA_TEST_MONGODB_URI (skipped when unset). */
class ExternalMongoUriIntegrationTests extends ExternalMongoContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.fromEnvironment();

    @Override
    protected MongoStoreExtension store() {
        return STORE;
    }
}
