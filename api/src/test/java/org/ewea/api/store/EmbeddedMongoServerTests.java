package org.ewea.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTests {

    @TempDir
    Path data;

    @Test
    void keepsDataAcrossRestartsInTheDataDirectory() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(server.connectionString()).startsWith("mongodb://127.0.0.1:");
            client.getDatabase("ewea").getCollection("probe").insertOne(new Document("_id", "kept"));
        }
        assertThat(data.resolve(EmbeddedMongoServer.STORE_FILE)).exists();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("ewea").getCollection("probe").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void deliversChangeStreamEventsBecauseTheOplogIsOn() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> probe = client.getDatabase("ewea").getCollection("probe");
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes = probe.watch().cursor()) {
                probe.insertOne(new Document("_id", "a").append("v", 1));
                ChangeStreamDocument<Document> change = null;
                for (int i = 0; i < 50 && change == null; i++) {
                    change = changes.tryNext();
                }
                assertThat(change).isNotNull();
                assertThat(change.getOperationType()).isEqualTo(OperationType.INSERT);
                assertThat(change.getFullDocument()).containsEntry("v", 1);
            }
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectoryWithAClearMessage() {
        try (EmbeddedMongoServer first = EmbeddedMongoServer.start(data)) {
            assertThatIllegalStateException().isThrownBy(() -> EmbeddedMongoServer.start(data).close())
                    .withMessageContaining("another EW/EA process").withMessageContaining(data.toString());
        }
    }
}
