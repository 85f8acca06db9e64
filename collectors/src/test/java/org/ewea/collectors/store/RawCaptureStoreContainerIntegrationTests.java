package org.ewea.collectors.store;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RawCaptureStoreContract} against a Testcontainers MongoDB 8 replica set (skipped without Docker). */
class RawCaptureStoreContainerIntegrationTests extends RawCaptureStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.container();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
