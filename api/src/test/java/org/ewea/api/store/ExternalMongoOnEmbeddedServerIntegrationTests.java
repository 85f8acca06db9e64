package org.ewea.api.store;

import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExternalMongoContract} against an in-process mongo-java-server given by URI (always). */
class ExternalMongoOnEmbeddedServerIntegrationTests extends ExternalMongoContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Override
    protected MongoStoreExtension store() {
        return STORE;
    }
}
