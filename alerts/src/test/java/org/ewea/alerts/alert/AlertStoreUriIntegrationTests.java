package org.ewea.alerts.alert;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AlertStoreContract} against the MongoDB at EWEA_TEST_MONGODB_URI (skipped when unset). */
class AlertStoreUriIntegrationTests extends AlertStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.fromEnvironment();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
