package org.ewea.api.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process MongoDB wire-protocol server (mongo-java-server) with its H2 MVStore file backend, bound to loopback
 * on a free port, oplog enabled so that change streams work, and every connection authenticated (SCRAM-SHA-256, a
 * credential made at each start: {@link ScramGuardedBackend}). One process at a time can hold a data directory.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongoServer.class);
    static final String STORE_FILE = "ewea-store.mv.db";
    static final String USER = "ewea";

    private final MongoServer server;
    private final H2Backend backend;
    private final String connectionString;

    private EmbeddedMongoServer(MongoServer server, H2Backend backend, String connectionString) {
        this.server = server;
        this.backend = backend;
        this.connectionString = connectionString;
    }

    /**
     * Starts the server on the store file in {@code dataDir}, creating the directory if needed.
     *
     * @throws IllegalStateException with the reason when the store cannot be opened (for example held by another
     *     process)
     */
    public static EmbeddedMongoServer start(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve(STORE_FILE);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(file.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "cannot open the embedded store " + file + " (is another EW/EA process"
                            + " using this EWEA_DATA_DIR?): " + e.getMessage(),
                    e);
        }
        // a credential for this run only, held in memory: the service is the store's only client
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        MongoServer server = new MongoServer(new ScramGuardedBackend(backend, USER, password));
        server.enableOplog();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress address = server.getLocalAddress();
        String where = address.getHostString() + ":" + address.getPort();
        String connectionString =
                "mongodb://" + USER + ":" + password + "@" + where + "/?authSource=admin&authMechanism=SCRAM-SHA-256";
        LOG.info(
                "Embedded MongoDB store {} listening on {} (loopback only; SCRAM-SHA-256 with a credential made for"
                        + " this run)",
                file,
                where);
        return new EmbeddedMongoServer(server, backend, connectionString);
    }

    public String connectionString() {
        return connectionString;
    }

    /**
     * Commits every change made so far to the store file (the store also commits in the background, about once a
     * second). A commit is written to the operating system: it survives the process being killed, not a power cut.
     * Changes are committed in the order they were made, all of them at once.
     */
    public void commit() {
        backend.commit();
    }

    /** Stops listening and closes the backend, which writes the store file to disk. */
    @Override
    public void close() {
        server.shutdown();
        LOG.info("Embedded MongoDB store closed");
    }
}
