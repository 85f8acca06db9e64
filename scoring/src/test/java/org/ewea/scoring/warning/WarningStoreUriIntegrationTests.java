package org.ewea.scoring.warning;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WarningStoreContract} against the MongoDB at EWEA_TEST_MONGODB_URI (skipped when unset). */
class WarningStoreUriIntegrationTests extends WarningStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.fromEnvironment();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
