package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/**
 * Web UI sign-in through an OpenID Connect provider: a small provider of our own (discovery, JWKS, authorize, token)
 * runs beside the application; a browser-like client (cookies, redirects) signs in and lands on the dashboard as the
 * user the ID token names, with its roles and clearance.
 */
class OidcLoginIntegrationTests {

    private static HttpServer idp;
    private static ExecutorService idpThreads;
    private static KeyPair keys;
    private static String issuer;
    private static final AtomicReference<String> NONCE = new AtomicReference<>();
    private static final AtomicReference<List<String>> ROLES = new AtomicReference<>(List.of("policy"));
    private static RunningApplication app;
    private static String base;
    /** Every request the provider and the browser made, with its time: what a hang report shows. */
    private static final Queue<String> HOPS = new ConcurrentLinkedQueue<>();

    private static final Filter LOGGED = new Filter() {
        @Override
        public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
            HOPS.add(Instant.now() + " provider <- " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + " on "
                    + Thread.currentThread().getName());
            chain.doFilter(exchange);
            HOPS.add(Instant.now() + " provider answered "
                    + exchange.getRequestURI().getPath());
        }

        @Override
        public String description() {
            return "logs each request with its time";
        }
    };

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realm";
        context(
                "/realm/.well-known/openid-configuration",
                exchange -> json(
                        exchange,
                        "{\"issuer\": \""
                                + issuer + "\", \"authorization_endpoint\": \"" + issuer
                                + "/authorize\", \"token_endpoint\": \""
                                + issuer + "/token\", \"jwks_uri\": \"" + issuer
                                + "/jwks\", \"response_types_supported\": [\"code\"],"
                                + " \"subject_types_supported\": [\"public\"], \"id_token_signing_alg_values_supported\": [\"RS256\"]}"));
        context(
                "/realm/jwks",
                exchange -> json(
                        exchange,
                        new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                                        .keyID("k1")
                                        .build())
                                .toString()));
        context("/realm/authorize", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            NONCE.set(query.get("nonce"));
            exchange.getResponseHeaders()
                    .set(
                            "Location",
                            query.get("redirect_uri") + "?code=the-code&state="
                                    + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        context("/realm/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                JWTClaimsSet claims = new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .subject("u-42")
                        .audience("ewea-ui")
                        .claim("nonce", NONCE.get())
                        .claim("preferred_username", "pol.icy")
                        .claim("roles", ROLES.get())
                        .claim("ewea_max_tlp", "AMBER")
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build();
                SignedJWT id = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
                id.sign(new RSASSASigner(keys.getPrivate()));
                json(
                        exchange,
                        "{\"access_token\": \"at\", \"token_type\": \"Bearer\", \"expires_in\": 300,"
                                + " \"scope\": \"openid profile email\", \"id_token\": \"" + id.serialize() + "\"}");
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        // the provider answers the browser and the service at once (its default is one thread for everything)
        idpThreads = Executors.newFixedThreadPool(4);
        idp.setExecutor(idpThreads);
        idp.start();
        app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("oidc"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false",
                "ewea.security.oidc.issuer-uri=" + issuer,
                "ewea.security.oidc.client-id=ewea-ui",
                "ewea.security.oidc.client-secret=s3cret");
        base = "http://127.0.0.1:" + app.bean(Environment.class).getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
        idp.stop(0);
        idpThreads.shutdownNow();
    }

    /** A provider endpoint, each request logged with its time. */
    private static void context(String path, HttpHandler handler) {
        idp.createContext(path, handler).getFilters().add(LOGGED);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // no keep-alive: a pooled connection the test provider closed once swallowed the next request (a CI hang)
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static HttpResponse<String> signIn() throws Exception {
        // HTTP/1.1 as a browser speaks to a plain-http site: the JDK client's default h2c upgrade attempt on every
        // request of the redirect chain is no part of the sign-in and once left a request hanging on a busy machine
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HOPS.clear();
        String login = follow(browser, URI.create(base + "/login")).body();
        assertThat(login).contains("/oauth2/authorization/oidc");
        return follow(browser, URI.create(base + "/oauth2/authorization/oidc"));
    }

    /**
     * Follows the redirect chain as a browser does, one hop at a time, each logged with its time; a hop that does not
     * answer in 60 s fails the test with every hop so far (browser and provider) and the threads' stacks, so that the
     * hang seen once on a busy machine says where it was.
     */
    private static HttpResponse<String> follow(HttpClient browser, URI start) throws Exception {
        URI at = start;
        for (int hop = 0; hop < 10; hop++) {
            HOPS.add(Instant.now() + " browser -> GET " + at);
            HttpResponse<String> answer;
            try {
                answer = browser.send(
                        HttpRequest.newBuilder(at)
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                StringBuilder report = new StringBuilder("no answer in 60 s to GET " + at + "\nhops:\n");
                HOPS.forEach(h -> report.append("  ").append(h).append('\n'));
                report.append("threads:\n");
                Thread.getAllStackTraces().forEach((thread, frames) -> {
                    report.append("  ")
                            .append(thread.getName())
                            .append(' ')
                            .append(thread.getState())
                            .append('\n');
                    for (int i = 0; i < Math.min(12, frames.length); i++) {
                        report.append("      at ").append(frames[i]).append('\n');
                    }
                });
                throw new AssertionError(report.toString(), e);
            }
            HOPS.add(Instant.now() + " browser <- " + answer.statusCode() + " " + at.getPath());
            var location = answer.headers().firstValue("Location");
            if (answer.statusCode() / 100 != 3 || location.isEmpty()) {
                return answer;
            }
            at = at.resolve(location.get());
        }
        throw new AssertionError("more than 10 redirects from " + start + ": " + HOPS);
    }

    @Test
    void signsInThroughTheProviderAsTheUserItNames() throws Exception {
        ROLES.set(List.of("policy"));
        HttpResponse<String> landed = signIn();
        assertThat(landed.uri().getPath()).isEqualTo("/ui");
        assertThat(landed.body()).contains("Emerging technologies", "pol.icy@127.0.0.1 (TLP:AMBER)");
        User stored = app.bean(UserRepository.class).find("pol.icy@127.0.0.1").orElseThrow();
        assertThat(stored.roles()).containsExactly(Role.POLICY);
        assertThat(stored.maxTlp()).hasToString("AMBER");
    }

    @Test
    void aTokenWithoutAnEweaRoleDoesNotSignIn() throws Exception {
        ROLES.set(List.of("offline_access"));
        HttpResponse<String> landed = signIn();
        assertThat(landed.uri().getPath()).isEqualTo("/login");
        assertThat(landed.body()).contains("role=\"alert\"");
    }
}
