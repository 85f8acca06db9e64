package org.ewea.scoring.signal;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SignalRepositoryContract} against the embedded mongo-java-server (always). */
class SignalRepositoryEmbeddedTests extends SignalRepositoryContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
