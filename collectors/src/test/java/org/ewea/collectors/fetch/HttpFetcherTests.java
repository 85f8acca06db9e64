package org.ewea.collectors.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewea.collectors.testing.FeedServer.respond;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPOutputStream;
import org.ewea.collectors.testing.FeedServer;
import org.ewea.collectors.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTests {

    private static final byte[] RSS = Fixtures.resource("feeds/rss2.xml");

    private FeedServer server;
    private HttpFetcher fetcher;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new FeedServer();
        fetcher = fetcher(Duration.ZERO);
    }

    private HttpFetcher fetcher(Duration politeness) {
        FetchSettings settings = new FetchSettings(
                Duration.ofSeconds(2),
                Duration.ofMillis(700),
                1024 * 1024,
                100,
                5,
                politeness,
                3,
                Duration.ofMillis(100),
                "EW/EA test");
        return new HttpFetcher(settings, InstantSource.system(), sleeps::add, RandomGenerator.of("L64X128MixRandom"));
    }

    @AfterEach
    void stop() throws IOException {
        fetcher.close();
        server.close();
    }

    private FetchResult get(String path, boolean local) {
        return fetcher.fetch(new FetchRequest(server.url(path), null, null, null, local));
    }

    @Test
    void fetchesABodyWithItsValidators() {
        server.on("/feed", ex -> {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Sat, 10 Jan 2026 09:00:00 GMT");
            respond(ex, 200, "application/rss+xml", RSS);
        });
        FetchResult.Fetched fetched = (FetchResult.Fetched) get("/feed", true);
        assertThat(fetched.body()).isEqualTo(RSS);
        assertThat(fetched.etag()).isEqualTo("\"v1\"");
        assertThat(fetched.lastModified()).isEqualTo("Sat, 10 Jan 2026 09:00:00 GMT");
        assertThat(fetched.contentType()).startsWith("application/rss+xml");
        assertThat(server.seen().getFirst().acceptEncoding()).contains("gzip");
    }

    @Test
    void sendsConditionalHeadersAndRecognisesNotModified() {
        server.on("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, null, new byte[0]);
            } else {
                respond(ex, 200, "application/rss+xml", RSS);
            }
        });
        FetchResult result = fetcher.fetch(
                new FetchRequest(server.url("/feed"), "\"v1\"", "Sat, 10 Jan 2026 09:00:00 GMT", null, true));
        assertThat(result).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.seen().getFirst().ifModifiedSince()).isEqualTo("Sat, 10 Jan 2026 09:00:00 GMT");
    }

    @Test
    void doesNotRetryAClientError() {
        server.on("/forbidden", ex -> respond(ex, 403, "text/plain", "no".getBytes()));
        FetchResult.Failed failed = (FetchResult.Failed) get("/forbidden", true);
        assertThat(failed.reason()).isEqualTo(FailureReason.HTTP_STATUS);
        assertThat(failed.status()).isEqualTo(403);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(server.seen()).hasSize(1);
    }

    @Test
    void retriesServerErrorsWithGrowingBackoff() {
        server.on("/broken", ex -> respond(ex, 500, "text/plain", "oops".getBytes()));
        FetchResult.Failed failed = (FetchResult.Failed) get("/broken", true);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(server.seen()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void recoversWhenARetrySucceeds() {
        int[] calls = {0};
        server.on("/flaky", ex -> {
            if (calls[0]++ == 0) {
                respond(ex, 503, "text/plain", "busy".getBytes());
            } else {
                respond(ex, 200, "application/rss+xml", RSS);
            }
        });
        FetchResult.Fetched fetched = (FetchResult.Fetched) get("/flaky", true);
        assertThat(fetched.attempts()).isEqualTo(2);
    }

    @Test
    void timesOutOnASlowServer() {
        server.on("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "application/rss+xml", RSS);
        });
        FetchResult.Failed failed = (FetchResult.Failed) get("/slow", true);
        assertThat(failed.reason()).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void refusesBodiesOverTheLimit() {
        server.on("/huge", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 40; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected: the fetcher stops reading at the limit
            }
        });
        FetchResult.Failed failed = (FetchResult.Failed) get("/huge", true);
        assertThat(failed.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void refusesGzipBombsAndReadsHonestGzip() throws IOException {
        byte[] bomb = gzip(new byte[20 * 1024 * 1024]);
        byte[] honest = gzip(RSS);
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(ex, 200, "application/rss+xml", bomb);
        });
        server.on("/gzip", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(ex, 200, "application/rss+xml", honest);
        });
        FetchResult.Failed failed = (FetchResult.Failed) get("/bomb", true);
        assertThat(failed.reason()).isEqualTo(FailureReason.DECOMPRESSION_BOMB);
        assertThat(((FetchResult.Fetched) get("/gzip", true)).body()).isEqualTo(RSS);
    }

    @Test
    void followsUpToFiveRedirectsButNotLoops() {
        for (int i = 1; i <= 6; i++) {
            String next = "/hop" + (i + 1);
            server.on("/hop" + i, ex -> {
                ex.getResponseHeaders().set("Location", next);
                respond(ex, 302, null, new byte[0]);
            });
        }
        server.on("/hop7", ex -> respond(ex, 200, "application/rss+xml", RSS));
        server.on("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            respond(ex, 302, null, new byte[0]);
        });
        assertThat(((FetchResult.Failed) get("/hop1", true)).reason()).isEqualTo(FailureReason.TOO_MANY_REDIRECTS);
        FetchResult.Fetched fetched = (FetchResult.Fetched) get("/hop3", true);
        assertThat(fetched.finalUrl().getPath()).isEqualTo("/hop7");
        assertThat(((FetchResult.Failed) get("/loop", true)).reason()).isEqualTo(FailureReason.TOO_MANY_REDIRECTS);
    }

    @Test
    void refusesLoopbackAndPrivateTargetsUnlessTheSourceIsLocal() {
        server.on("/feed", ex -> respond(ex, 200, "application/rss+xml", RSS));
        FetchResult.Failed refused = (FetchResult.Failed) get("/feed", false);
        assertThat(refused.reason()).isEqualTo(FailureReason.REFUSED);
        assertThat(refused.detail()).contains("127.0.0.1").contains("local");
        assertThat(server.seen()).isEmpty();
        assertThat(fetcher.fetch(new FetchRequest(
                        URI.create("http://localhost:1/x"),
                        null,
                        null,
                        URI.create("http://proxy.example:8080"),
                        false)))
                .isInstanceOf(FetchResult.Failed.class)
                .extracting(r -> ((FetchResult.Failed) r).reason())
                .isEqualTo(FailureReason.REFUSED);
    }

    @Test
    void waitsBetweenRequestsToTheSameHost() throws IOException {
        fetcher.close();
        fetcher = fetcher(Duration.ofSeconds(5));
        server.on("/feed", ex -> respond(ex, 200, "application/rss+xml", RSS));
        get("/feed", true);
        get("/feed", true);
        assertThat(sleeps).hasSize(1);
        assertThat(sleeps.getFirst()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    @Test
    void theGuardKnowsWhichAddressesAreForbidden() throws Exception {
        for (String forbidden : List.of(
                "127.0.0.1",
                "10.1.2.3",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fe80::1",
                "fc00::1",
                "::ffff:10.0.0.1",
                "224.0.0.1")) {
            assertThat(AddressGuard.isForbidden(InetAddress.getByName(forbidden)))
                    .as(forbidden)
                    .isTrue();
        }
        for (String allowed : List.of("8.8.8.8", "1.1.1.1", "2001:4860:4860::8888", "93.184.216.34")) {
            assertThat(AddressGuard.isForbidden(InetAddress.getByName(allowed)))
                    .as(allowed)
                    .isFalse();
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Instant now() {
        return Instant.now();
    }

    @Test
    void refusesAProxyOnALoopbackAddressThatTheOperatorDidNotTrust() {
        URI proxy = URI.create("http://127.0.0.1:" + server.url("/").getPort());
        FetchResult result =
                fetcher.fetch(new FetchRequest(URI.create("http://feeds.example.org/feed"), null, null, proxy, false));
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.REFUSED);
            assertThat(failed.detail()).contains("trusted proxies");
        });
        assertThat(server.seen()).isEmpty();
    }

    @Test
    void fetchesThroughATrustedLocalProxy() throws IOException {
        server.on("/feed", ex -> respond(ex, 200, "application/rss+xml", RSS));
        int port = server.url("/").getPort();
        FetchSettings settings = new FetchSettings(
                Duration.ofSeconds(2),
                Duration.ofMillis(700),
                1024 * 1024,
                100,
                5,
                Duration.ZERO,
                1,
                Duration.ofMillis(100),
                "EW/EA test",
                Set.of("127.0.0.1:" + port));
        try (HttpFetcher trusting = new HttpFetcher(
                settings, InstantSource.system(), sleeps::add, RandomGenerator.of("L64X128MixRandom"))) {
            FetchResult result = trusting.fetch(new FetchRequest(
                    URI.create("http://feeds.example.org/feed"),
                    null,
                    null,
                    URI.create("http://127.0.0.1:" + port),
                    false));
            assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        }
    }
}
