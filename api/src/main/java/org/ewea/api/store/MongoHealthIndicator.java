package org.ewea.api.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** UP when the store answers a ping; the actuator runs it off the event loop. */
final class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final MongoEndpoint endpoint;
    private final EventLoopGuard guard;

    MongoHealthIndicator(MongoDatabase database, MongoEndpoint endpoint, EventLoopGuard guard) {
        super("MongoDB store check failed");
        this.database = database;
        this.endpoint = endpoint;
        this.guard = guard;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up()
                .withDetail("store", endpoint.isEmbedded() ? "embedded" : "external")
                .withDetail("database", endpoint.database())
                .withDetail("eventLoopViolations", guard.violations());
    }
}
