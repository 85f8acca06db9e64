package org.ewea.collectors.store;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ImportLedgerContract} against the embedded mongo-java-server (always). */
class ImportLedgerEmbeddedTests extends ImportLedgerContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
