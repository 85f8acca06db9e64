package org.ewea.api;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.ewea.api.store.ThreadRecordingCommandListener;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests that share one running application: random port, embedded store in a fresh data
 * directory, bundled demo data, default methodology. Subclasses share the Spring context (same configuration).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LiveApplicationTests.Listeners.class)
public abstract class LiveApplicationTests {

    protected static final Path DATA = TestDataDirs.create("live");
    /** Counted from the demo feed files by a separate script: see demo/NOTICE.md. */
    protected static final long DEMO_ITEMS = 2937;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ewea.data-dir", DATA::toString);
    }

    @TestConfiguration
    public static class Listeners {
        @Bean
        ThreadRecordingCommandListener threadRecordingCommandListener() {
            return new ThreadRecordingCommandListener();
        }
    }

    @LocalServerPort
    protected int port;

    /** Sends the admin token the first start wrote. */
    protected WebTestClient client;
    /** Sends no credentials. */
    protected WebTestClient anonymous;

    @BeforeEach
    void client() {
        client = TestClients.forPort(port, TestClients.adminToken(DATA));
        anonymous = TestClients.forPort(port);
    }

    /** The day of the newest stored item (the demo's last day on a fresh store). */
    protected static LocalDate lastItemDay(MongoDatabase database) {
        Document newest = database.getCollection("items")
                .find()
                .sort(Sorts.descending("time"))
                .limit(1)
                .first();
        return newest.get("time", Date.class).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** GETs {@code uri}, expects 200 with a JSON object, and returns it. */
    protected Map<String, Object> getJsonObject(String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }
}
