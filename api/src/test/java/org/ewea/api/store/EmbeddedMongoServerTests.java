package org.ewea.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.OperationType;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
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
            assertThat(server.connectionString()).startsWith("mongodb://ewea:").contains("@127.0.0.1:");
            client.getDatabase("ewea").getCollection("probe").insertOne(new Document("_id", "kept"));
        }
        assertThat(data.resolve(EmbeddedMongoServer.STORE_FILE)).exists();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("ewea").getCollection("probe").countDocuments())
                    .isEqualTo(1);
        }
    }

    @Test
    void deliversChangeStreamEventsBecauseTheOplogIsOn() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> probe = client.getDatabase("ewea").getCollection("probe");
            try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes =
                    probe.watch().cursor()) {
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
            assertThatIllegalStateException()
                    .isThrownBy(() -> EmbeddedMongoServer.start(data).close())
                    .withMessageContaining("another EW/EA process")
                    .withMessageContaining(data.toString());
        }
    }

    private static MongoClientSettings quick(String uri) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build();
    }

    @Test
    void aClientWithoutTheRunsCredentialReadsAndWritesNothing() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(data);
                MongoClient service = MongoClients.create(server.connectionString())) {
            service.getDatabase("ewea").getCollection("users").insertOne(new Document("_id", "admin"));
            String address = server.connectionString()
                    .substring(
                            server.connectionString().indexOf('@') + 1,
                            server.connectionString()
                                    .indexOf('/', server.connectionString().indexOf('@')));
            try (MongoClient stranger = MongoClients.create(quick("mongodb://" + address))) {
                var users = stranger.getDatabase("ewea").getCollection("users");
                Assertions.assertThatThrownBy(() -> users.find().first())
                        .isInstanceOf(MongoCommandException.class)
                        .satisfies(e -> assertThat(((MongoCommandException) e).getErrorCode())
                                .isEqualTo(13));
                Assertions.assertThatThrownBy(() -> users.insertOne(new Document("_id", "x")))
                        .isInstanceOf(MongoException.class);
                Assertions.assertThatThrownBy(() -> users.deleteMany(new Document()))
                        .isInstanceOf(MongoException.class);
            }
            try (MongoClient guesser = MongoClients.create(quick(
                    "mongodb://ewea:wrong-password@" + address + "/?authSource=admin&authMechanism=SCRAM-SHA-256"))) {
                Assertions.assertThatThrownBy(() -> guesser.getDatabase("ewea")
                                .getCollection("users")
                                .countDocuments())
                        .isInstanceOf(MongoException.class);
            }
            assertThat(service.getDatabase("ewea").getCollection("users").countDocuments())
                    .isEqualTo(1);
        }
    }
}
