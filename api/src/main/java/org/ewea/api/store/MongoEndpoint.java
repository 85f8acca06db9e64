package org.ewea.api.store;

import com.mongodb.ConnectionString;
import org.ewea.api.config.EweaProperties;
import org.jspecify.annotations.Nullable;

/**
 * Which MongoDB the service uses: the one at {@code EWEA_MONGODB_URI}, or else the embedded one, which it then owns
 * and stops on close.
 */
public final class MongoEndpoint implements AutoCloseable {

    private final ConnectionString connectionString;
    private final String database;
    private final @Nullable EmbeddedMongoServer embedded;

    private MongoEndpoint(ConnectionString connectionString, String database, @Nullable EmbeddedMongoServer embedded) {
        this.connectionString = connectionString;
        this.database = database;
        this.embedded = embedded;
    }

    public static MongoEndpoint open(EweaProperties properties) {
        // the data directory holds the store, the search index, keys and the admin token: this account's only
        PrivateFiles.makePrivate(properties.dataDir());
        if (properties.embeddedStore()) {
            EmbeddedMongoServer server = EmbeddedMongoServer.start(properties.dataDir());
            return new MongoEndpoint(
                    new ConnectionString(server.connectionString()), properties.mongodbDatabase(), server);
        }
        ConnectionString uri;
        try {
            uri = new ConnectionString(properties.mongodbUri());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "EWEA_MONGODB_URI is not a valid MongoDB connection string: " + e.getMessage(), e);
        }
        String database = uri.getDatabase() != null ? uri.getDatabase() : properties.mongodbDatabase();
        return new MongoEndpoint(uri, database, null);
    }

    public ConnectionString connectionString() {
        return connectionString;
    }

    public String database() {
        return database;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Makes every write made so far durable before it is acknowledged: on the embedded store, commits its pending
     * changes to the store file (which otherwise happens in the background about once a second); a real MongoDB
     * has journalled them already when it answered the write.
     */
    public void commitPending() {
        if (embedded != null) {
            embedded.commit();
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
