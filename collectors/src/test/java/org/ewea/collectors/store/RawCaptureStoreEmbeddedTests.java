package org.ewea.collectors.store;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RawCaptureStoreContract} against the embedded mongo-java-server (always). */
class RawCaptureStoreEmbeddedTests extends RawCaptureStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
