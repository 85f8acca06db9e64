package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.api.TestUsers;
import org.ewea.api.store.PrivateDataDir;
import org.ewea.collectors.source.SourceRepository;
import org.ewea.methodology.SourceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The attacks of the penetration test on sources, accounts and the data directory, each refused with a clear
 * answer: a GREEN analyst can neither read a RED partner's source (nor its credentials) nor create, lower or
 * redirect sources; a source manager cannot mark above their clearance or switch the SSRF guard off; credentials
 * are masked, write-only and sealed in the store; passwords bcrypt cannot take and searches Lucene cannot expand are
 * 400, not 500; the data directory is this account's only.
 */
class SourceAttacksIntegrationTests {

    private static final Path DATA = TestDataDirs.create("source-attacks");
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
    private static RunningApplication app;
    private static WebTestClient admin;
    private static WebTestClient greenAnalyst;
    private static WebTestClient greenManager;

    @BeforeAll
    static void start() {
        app = RunningApplication.start(
                "ewea.data-dir=" + DATA, "ewea.demo-enabled=false", "ewea.collectors.scheduler-enabled=false");
        admin = app.client();
        admin.post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                {"id": "red-partner", "url": "https://reports:s3cr3t-pw@partner.example/feed?apikey=K3Y-123&lang=en",
                 "tlp": "TLP:RED", "proxy": "http://proxyuser:pr0xy-pw@proxy.example:3128"}""")
                .exchange()
                .expectStatus()
                .isCreated();
        greenAnalyst = TestUsers.create(app, admin, "green.analyst", "ANALYST", "TLP:GREEN", "none");
        greenManager = TestUsers.create(app, admin, "green.manager", "SOURCE_MANAGER", "TLP:GREEN", "none");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aGreenAnalystNeitherSeesNorTouchesARedPartnerSource() {
        Map<String, Object> page = greenAnalyst
                .get()
                .uri("/api/v1/sources?size=200")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(page.toString()).doesNotContain("red-partner").doesNotContain("partner.example");
        greenAnalyst
                .get()
                .uri("/api/v1/sources/red-partner")
                .exchange()
                .expectStatus()
                .isNotFound();
        greenAnalyst
                .get()
                .uri("/api/v1/sources/red-partner/runs")
                .exchange()
                .expectStatus()
                .isNotFound();
        greenAnalyst
                .post()
                .uri("/api/v1/sources/red-partner/harvest")
                .exchange()
                .expectStatus()
                .isNotFound();
        // analysts no longer manage sources at all
        greenAnalyst
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"copy\", \"url\": \"https://partner.example/feed\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        greenAnalyst
                .put()
                .uri("/api/v1/sources/red-partner")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"https://partner.example/feed\", \"tlp\": \"TLP:CLEAR\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aSourceManagerCannotMarkAboveTheirClearanceLowerWhatTheyCannotSeeOrSwitchTheGuardOff() {
        greenManager
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"too-high\", \"url\": \"https://x.example/feed\", \"tlp\": \"TLP:AMBER\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("TLP:GREEN"));
        greenManager
                .put()
                .uri("/api/v1/sources/red-partner")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"https://partner.example/feed\", \"tlp\": \"TLP:CLEAR\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
        greenManager
                .delete()
                .uri("/api/v1/sources/red-partner")
                .exchange()
                .expectStatus()
                .isNotFound();
        greenManager
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"intranet\", \"url\": \"http://127.0.0.1:8080/\", \"local\": true}")
                .exchange()
                .expectStatus()
                .isForbidden();
        greenManager
                .post()
                .uri("/api/v1/sources")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"green-news\", \"url\": \"https://news.example/feed\", \"tlp\": \"TLP:GREEN\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        greenManager
                .put()
                .uri("/api/v1/sources/green-news")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"https://news.example/feed\", \"tlp\": \"TLP:RED\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        admin.get()
                .uri("/api/v1/sources/red-partner")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.tlp")
                .isEqualTo("TLP:RED");
    }

    @Test
    void credentialsAreMaskedWriteOnlyAndSealedInTheStore() {
        admin.get()
                .uri("/api/v1/sources/red-partner")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.url")
                .isEqualTo("https://reports:****@partner.example/feed?apikey=****&lang=en")
                .jsonPath("$.proxy")
                .isEqualTo("http://proxyuser:****@proxy.example:3128")
                .jsonPath("$.hasCredentials")
                .isEqualTo(true);
        Document stored = app.bean(MongoDatabase.class)
                .getCollection(SourceRepository.COLLECTION)
                .find(new Document("_id", "red-partner"))
                .first();
        assertThat(stored.toJson())
                .doesNotContain("s3cr3t-pw")
                .doesNotContain("K3Y-123")
                .doesNotContain("pr0xy-pw");
        // sent back as shown (masked), the credentials stay; a new title changes
        admin.put()
                .uri("/api/v1/sources/red-partner")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                {"title": "Partner (renamed)", "url": "https://reports:****@partner.example/feed?apikey=****&lang=en",
                 "tlp": "TLP:RED", "proxy": "http://proxyuser:****@proxy.example:3128"}""")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Partner (renamed)");
        var source = app.bean(SourceRepository.class)
                .find(new SourceId("red-partner"))
                .orElseThrow();
        assertThat(source.url().toString())
                .isEqualTo("https://reports:s3cr3t-pw@partner.example/feed?apikey=K3Y-123&lang=en");
        assertThat(source.proxy().toString()).isEqualTo("http://proxyuser:pr0xy-pw@proxy.example:3128");
    }

    @Test
    void passwordsLongerThanBcryptReadsAndSearchesTooLargeToExpandAreRefusedNot500() {
        admin.put()
                .uri("/api/v1/users/green.analyst/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"" + "long passphrase ".repeat(6) + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].name")
                .isEqualTo("password");
        admin.put()
                .uri("/api/v1/users/green.analyst/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"a good passphrase of 40 characters ok\"}")
                .exchange()
                .expectStatus()
                .isNoContent();
        String words =
                String.join(" ", Stream.generate(() -> "ransom").limit(166).toList());
        admin.get()
                .uri(b -> b.path("/api/v1/items").queryParam("q", words).build())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String forty = String.join(
                " ",
                Stream.iterate(0, i -> i + 1).limit(40).map(i -> "word" + i).toList());
        admin.get()
                .uri(b -> b.path("/api/v1/items").queryParam("q", forty).build())
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isLessThan(500));
    }

    @Test
    void theDataDirectoryAndEveryFileInItAreThisAccountsOnly() throws Exception {
        Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        app.bean(PrivateDataDir.class).tighten();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA)))
                .isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(DATA)) {
            List<String> open = files.filter(p -> !Files.isSymbolicLink(p))
                    .filter(p -> {
                        try {
                            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                            return !mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------");
                        } catch (IOException e) {
                            return false; // gone meanwhile
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(open).isEmpty();
        }
        assertThat(DATA.resolve("secrets.key")).exists();
    }

    @Test
    void signingInChecksAPasswordHashForUnknownNamesAndUsersWithoutAPasswordToo() {
        var users = app.bean(ReactiveUserDetailsService.class);
        var encoder = app.bean(PasswordEncoder.class);
        for (String name : List.of("no-such-user", "green.manager")) {
            var standIn = users.findByUsername(name).block();
            assertThat(standIn)
                    .as(name + ": a hash is checked, so the answer takes as long as for a user")
                    .isNotNull();
            assertThat(standIn.getPassword()).startsWith("{bcrypt}");
            assertThat(encoder.matches("", standIn.getPassword())).isFalse();
            assertThat(standIn.getAuthorities()).isEmpty();
        }
    }
}
