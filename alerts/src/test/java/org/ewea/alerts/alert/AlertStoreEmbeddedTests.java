package org.ewea.alerts.alert;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AlertStoreContract} against the embedded mongo-java-server (always). */
class AlertStoreEmbeddedTests extends AlertStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
