package org.ewea.collectors.store;

import com.mongodb.client.MongoDatabase;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ImportLedgerContract} against a Testcontainers MongoDB 8 replica set (skipped without Docker). */
class ImportLedgerContainerIntegrationTests extends ImportLedgerContract {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.container();

    @Override
    protected MongoDatabase database() {
        return STORE.freshDatabase();
    }
}
