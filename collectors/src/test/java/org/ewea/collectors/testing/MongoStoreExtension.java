package org.ewea.collectors.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB a store contract suite runs against, registered as a static {@code @RegisterExtension} field:
 * <ul>
 * <li>{@link #embedded()}: the in-process mongo-java-server (oplog on), always available;</li>
 * <li>{@link #container()}: a Testcontainers MongoDB 8 replica set, skipped (never failed) without Docker;</li>
 * <li>{@link #fromEnvironment()}: the MongoDB at {@code EWEA_TEST_MONGODB_URI}, skipped when it is not set.</li>
 * </ul>
 * Each test gets a database of its own from {@link #freshDatabase()}; it is dropped after the test.
 */
public final class MongoStoreExtension
        implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ExecutionCondition {

    public static final String URI_VARIABLE = "EWEA_TEST_MONGODB_URI";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private enum Kind {
        EMBEDDED,
        CONTAINER,
        ENVIRONMENT
    }

    private final Kind kind;
    private MongoServer server;
    private MongoDBContainer container;
    private MongoClient client;
    private String connectionString;
    private final List<MongoDatabase> created = new ArrayList<>();

    private MongoStoreExtension(Kind kind) {
        this.kind = kind;
    }

    public static MongoStoreExtension embedded() {
        return new MongoStoreExtension(Kind.EMBEDDED);
    }

    public static MongoStoreExtension container() {
        return new MongoStoreExtension(Kind.CONTAINER);
    }

    public static MongoStoreExtension fromEnvironment() {
        return new MongoStoreExtension(Kind.ENVIRONMENT);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return switch (kind) {
            case EMBEDDED -> ConditionEvaluationResult.enabled("embedded MongoDB is always available");
            case CONTAINER ->
                DockerClientFactory.instance().isDockerAvailable()
                        ? ConditionEvaluationResult.enabled("Docker is available")
                        : ConditionEvaluationResult.disabled("no Docker engine: Testcontainers MongoDB suite skipped");
            case ENVIRONMENT ->
                isBlank(System.getenv(URI_VARIABLE))
                        ? ConditionEvaluationResult.disabled(URI_VARIABLE + " is not set: real-MongoDB suite skipped")
                        : ConditionEvaluationResult.enabled(URI_VARIABLE + " is set");
        };
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        switch (kind) {
            case EMBEDDED -> {
                server = new MongoServer(new MemoryBackend());
                server.enableOplog();
                server.bind(new InetSocketAddress("127.0.0.1", 0));
                InetSocketAddress address = server.getLocalAddress();
                connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
            }
            case CONTAINER -> {
                container = new MongoDBContainer("mongo:8.0");
                container.start();
                connectionString = container.getReplicaSetUrl();
            }
            case ENVIRONMENT -> connectionString = System.getenv(URI_VARIABLE);
        }
        client = MongoClients.create(connectionString);
    }

    /** A new, empty database for the current test. */
    public MongoDatabase freshDatabase() {
        MongoDatabase database =
                client.getDatabase("ewea_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
        created.add(database);
        return database;
    }

    /** The connection string of the server under test (to start an application against it). */
    public String connectionString() {
        return connectionString;
    }

    public boolean isEmbedded() {
        return kind == Kind.EMBEDDED;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        created.forEach(MongoDatabase::drop);
        created.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
        if (container != null) {
            container.stop();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
