package org.ewea.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * HTTP clients for tests against a running application. They use the JDK's HttpClient rather than a Reactor Netty
 * client: a Reactor Netty client in the same JVM shares event loops with the server under test, and with it requests
 * were intermittently lost in our runs (see docs/operations.md, "Known test-harness issue").
 */
public final class TestClients {

    private TestClients() {}

    /** A client without credentials. */
    public static WebTestClient forPort(int port) {
        return builder(port).build();
    }

    /** A client sending {@code Authorization: Bearer <token>} with every request. */
    public static WebTestClient forPort(int port, String token) {
        return builder(port).defaultHeader("Authorization", "Bearer " + token).build();
    }

    /** The admin token the first start wrote to {@code admin-token} in the data directory. */
    public static String adminToken(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("admin-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebTestClient.Builder builder(int port) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return WebTestClient.bindToServer(new JdkClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30));
    }
}
