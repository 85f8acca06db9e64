package org.ewea.scoring.warning;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WarningStoreContract} against the embedded mongo-java-server (always). */
class WarningStoreEmbeddedTests extends WarningStoreContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
