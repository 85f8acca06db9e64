package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestClients;
import org.ewea.api.TestDataDirs;
import org.ewea.api.TestUsers;
import org.ewea.collectors.testing.FeedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The every-route matrix: each route of the running application (from its handler mappings) must have a line in
 * {@code security/route-matrix.txt} saying who may call it and how it keeps marked material from readers not
 * cleared for it; then every route is called as every reader (anonymous, ANALYST, POLICY, TRAINER, SOURCE_MANAGER,
 * ADMIN; API routes with their tokens, UI routes in signed-in sessions with CSRF tokens) and the answer must let in
 * exactly the roles of its line. A new route without a line fails the build.
 */
class RouteMatrixTests {

    private static final List<String> ROLES = List.of("ANALYST", "POLICY", "TRAINER", "SOURCE_MANAGER", "ADMIN");
    private static final Set<String> CLEARANCES =
            Set.of("filtered", "not-found", "picture", "marked", "own", "member", "method", "admin");
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "a matrix passphrase 2026";

    private record Line(
            String method, String path, Set<String> roles, String clearance, boolean heavy, boolean stream) {
        boolean allows(String role) {
            return roles.contains("any") || roles.contains(role);
        }
    }

    /** A reader: the API client with their token, and a UI session. */
    private record Reader(String role, WebTestClient api, String session, String csrf) {}

    private static RunningApplication app;
    private static int port;
    private static final Map<String, Reader> READERS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("route-matrix"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false",
                "ewea.alerts.stream-heartbeat=PT1S",
                "ewea.collectors.harvest-answer=PT2S");
        port = Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port"));
        for (String role : ROLES) {
            String name = role.equals("ADMIN")
                    ? "admin"
                    : role.toLowerCase(Locale.ROOT).replace('_', '-');
            WebTestClient api = role.equals("ADMIN")
                    ? app.client()
                    : TestUsers.create(app, app.client(), name, role, "TLP:GREEN", "none");
            app.client()
                    .put()
                    .uri("/api/v1/users/" + name + "/password")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"password\": \"" + PASSWORD + "\"}")
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            String session = signIn(name);
            READERS.put(
                    role,
                    new Reader(
                            role,
                            api.mutate().responseTimeout(Duration.ofMinutes(2)).build(),
                            session,
                            csrf(session)));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static WebTestClient browser() {
        return TestClients.forPort(port)
                .mutate()
                .responseTimeout(Duration.ofMinutes(2))
                .build();
    }

    private static String signIn(String username) {
        EntityExchangeResult<String> login = browser()
                .get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        String cookie = login.getResponseCookies().getFirst("SESSION").getValue();
        Matcher token = CSRF_INPUT.matcher(login.getResponseBody());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        var signedIn = browser()
                .post()
                .uri("/login")
                .cookie("SESSION", cookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", username)
                        .with("password", PASSWORD)
                        .with("_csrf", token.group(1)))
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .returnResult(Void.class);
        assertThat(signedIn.getResponseHeaders().getLocation().toString())
                .as("signed in")
                .doesNotContain("/login");
        var renewed = signedIn.getResponseCookies().getFirst("SESSION");
        return renewed != null ? renewed.getValue() : cookie;
    }

    private static String csrf(String session) {
        String page = browser()
                .get()
                .uri("/ui")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Matcher meta = CSRF_META.matcher(page);
        assertThat(meta.find()).as("UI pages carry the CSRF token").isTrue();
        return meta.group(1);
    }

    private static List<Line> matrix() throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = RouteMatrixTests.class.getResourceAsStream("/security/route-matrix.txt")) {
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String[] route = cells[0].strip().split(" ");
                Set<String> roles = new TreeSet<>(List.of(cells[1].strip().split(" +")));
                String clearance = cells[2].strip();
                Set<String> flags = new TreeSet<>();
                for (int i = 3; i < cells.length; i++) {
                    flags.add(cells[i].strip());
                }
                assertThat(CLEARANCES).as(line).contains(clearance);
                assertThat(roles).as(line).allMatch(r -> r.equals("any") || ROLES.contains(r));
                lines.add(new Line(
                        route[0], route[1], roles, clearance, flags.contains("heavy"), flags.contains("stream")));
            }
        }
        return lines;
    }

    @Test
    void everyRouteHasALineAndEveryLineARoute() throws IOException {
        Set<String> served = new TreeSet<>();
        RouteTable.of(app.context()).forEach(r -> served.add(r.toString()));
        Set<String> listed = new TreeSet<>();
        matrix().forEach(l -> listed.add(l.method() + " " + l.path()));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(listed);
        Set<String> stale = new TreeSet<>(listed);
        stale.removeAll(served);
        assertThat(missing)
                .as("routes without a line in security/route-matrix.txt (who may call them, and how"
                        + " they keep marked material from readers not cleared for it)")
                .isEmpty();
        assertThat(stale)
                .as("lines in security/route-matrix.txt for routes that are gone")
                .isEmpty();
    }

    private static String concrete(String path) {
        return path.replace("{sha256}", "0".repeat(64))
                .replace("{type}", "cve")
                .replace("{value}", "CVE-2026-0001")
                .replace("{username}", "nobody-here")
                .replace("{alertId}", "no-such-alert")
                .replace("{digestId}", "no-such-digest")
                .replace("{id}", "no-such-1")
                .replace("{uuid}", "00000000-0000-0000-0000-000000000000")
                .replace("{objectId}", "report--00000000-0000-0000-0000-000000000000");
    }

    private static int call(Line line, WebTestClient client, Reader reader) {
        String uri = concrete(line.path());
        boolean ui = line.path().startsWith("/ui");
        WebTestClient.RequestBodySpec request =
                client.method(HttpMethod.valueOf(line.method())).uri(uri);
        if (ui && reader != null) {
            request.cookie("SESSION", reader.session());
        }
        WebTestClient.RequestHeadersSpec<?> ready = request;
        if (!line.method().equals("GET") && !line.method().equals("DELETE")) {
            ready = ui
                    ? request.contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .body(BodyInserters.fromFormData("_csrf", reader == null ? "none" : reader.csrf()))
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        if (line.stream()) {
            var result = ready.accept(MediaType.TEXT_EVENT_STREAM).exchange().returnResult(String.class);
            int status = result.getStatus().value();
            result.getResponseBody().subscribe().dispose();
            return status;
        }
        var result = ready.exchange().returnResult(byte[].class);
        var location = result.getResponseHeaders().getLocation();
        // the UI answers a refused form by sending the reader back with the problem named
        if (ui
                && result.getStatus().value() == 303
                && location != null
                && URLDecoder.decode(location.toString(), StandardCharsets.UTF_8)
                        .contains("problem=Only ")) {
            return 403;
        }
        return result.getStatus().value();
    }

    @Test
    void everyReaderIsLetInOrKeptOutAsItsLineSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Line line : matrix()) {
            boolean ui = line.path().startsWith("/ui");
            int anonymous = call(line, browser(), null);
            if (ui ? anonymous / 100 == 2 : anonymous != 401) {
                wrong.add(line.method() + " " + line.path() + " anonymous: " + anonymous);
            }
            for (Reader reader : READERS.values()) {
                boolean allowed = line.allows(reader.role());
                if (allowed && line.heavy()) {
                    continue;
                }
                int status = call(line, ui ? browser() : reader.api(), reader);
                boolean refused = status == 401 || status == 403 || (ui && status == 302);
                if (allowed == refused) {
                    wrong.add(line.method() + " " + line.path() + " " + reader.role() + ": " + status
                            + (allowed ? " (should be let in)" : " (should be refused)"));
                }
            }
        }
        assertThat(wrong).as("answers against security/route-matrix.txt").isEmpty();
    }

    @Test
    void aUiSessionLosesThePagesOfRolesTakenAwayAtItsNextRequest() {
        app.client()
                .post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"demoted\", \"roles\": [\"ADMIN\"], \"maxTlp\": \"TLP:RED\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        app.client()
                .put()
                .uri("/api/v1/users/demoted/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"" + PASSWORD + "\"}")
                .exchange()
                .expectStatus()
                .isNoContent();
        String session = signIn("demoted");
        browser()
                .get()
                .uri("/ui/admin")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk();
        app.client()
                .patch()
                .uri("/api/v1/users/demoted")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\": [\"ANALYST\"]}")
                .exchange()
                .expectStatus()
                .isOk();
        var refused = browser()
                .get()
                .uri("/ui/admin")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isForbidden()
                .returnResult(Void.class);
        // the session keeps the user's new roles (a browser takes a renewed session cookie as it comes)
        var renewed = refused.getResponseCookies().getFirst("SESSION");
        String now = renewed != null ? renewed.getValue() : session;
        browser()
                .get()
                .uri("/ui/alerts")
                .cookie("SESSION", now)
                .exchange()
                .expectStatus()
                .isOk();
        browser()
                .get()
                .uri("/ui/admin")
                .cookie("SESSION", now)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void revokingATokenEndsTheAlertStreamsOpenedWithIt() {
        @SuppressWarnings("unchecked")
        Map<String, Object> issued = app.client()
                .post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"stream\", \"username\": \"analyst\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String tokenId = String.valueOf(((Map<String, Object>) issued.get("token")).get("id"));
        WebTestClient streaming = TestClients.forPort(port, (String) issued.get("secret"))
                .mutate()
                .responseTimeout(Duration.ofMinutes(3))
                .build();
        var stream = streaming
                .get()
                .uri("/api/v1/alerts/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
        var ended = new CompletableFuture<Void>();
        var subscription = stream.subscribe(line -> {}, ended::completeExceptionally, () -> ended.complete(null));
        try {
            app.client()
                    .delete()
                    .uri("/api/v1/tokens/" + tokenId)
                    .exchange()
                    .expectStatus()
                    .isNoContent();
            // the next heartbeat (every second here) finds the token revoked and ends the stream
            ended.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("the stream of a revoked token did not end: " + e, e);
        } finally {
            subscription.dispose();
        }
        streaming.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHarvestThatOutlastsItsAnswerTimeAnswers504AndStillRecordsItsRun() throws Exception {
        try (var server = new FeedServer()) {
            server.on("/slow.rss", ex -> {
                try {
                    Thread.sleep(6_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                FeedServer.respond(
                        ex,
                        200,
                        "application/rss+xml",
                        ("<?xml version=\"1.0\"?>"
                                        + "<rss version=\"2.0\"><channel><title>s</title><item><title>Slow news</title>"
                                        + "<link>https://slow.example/1</link><description>text</description></item></channel></rss>")
                                .getBytes(StandardCharsets.UTF_8));
            });
            app.client()
                    .post()
                    .uri("/api/v1/sources")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"id\": \"slow-feed\", \"url\": \"" + server.url("/slow.rss") + "\", \"local\": true,"
                            + " \"enabled\": false}")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            app.client()
                    .post()
                    .uri("/api/v1/sources/slow-feed/harvest")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(504)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(d -> assertThat((String) d).contains("/runs"));
            long total = 0;
            for (int i = 0; i < 120 && total == 0; i++) {
                Thread.sleep(500);
                Map<String, Object> runs = app.client()
                        .get()
                        .uri("/api/v1/sources/slow-feed/runs")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody();
                total = ((Number) runs.get("total")).longValue();
            }
            assertThat(total).as("the harvest went on and recorded its run").isEqualTo(1);
        }
    }
}
