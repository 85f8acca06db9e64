package org.ewea.scoring.signal;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SignalRepositoryContract} against the MongoDB at EWEA_TEST_MONGODB_URI (skipped when unset). */
class SignalRepositoryUriIntegrationTests extends SignalRepositoryContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.fromEnvironment();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
