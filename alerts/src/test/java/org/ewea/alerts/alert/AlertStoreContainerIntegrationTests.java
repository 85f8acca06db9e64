package org.ewea.alerts.alert;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AlertStoreContract} against a Testcontainers MongoDB 8 replica set (skipped without Docker). */
class AlertStoreContainerIntegrationTests extends AlertStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.container();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
