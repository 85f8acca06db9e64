package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestClients;
import org.ewea.api.TestDataDirs;
import org.ewea.api.config.EweaProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;

/** An identity provider's JWTs as bearer tokens: signature, expiry, issuer, audience, roles and TLP from claims. */
class JwtIntegrationTests {

    private static final String ISSUER = "https://idp.police.example/realms/ewea";
    private static KeyPair keys;
    private static KeyPair stranger;
    private static RunningApplication app;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
        Path dir = TestDataDirs.create("jwt");
        Path pem = dir.resolve("idp.pem");
        Files.createDirectories(dir);
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        app = RunningApplication.start(
                "ewea.data-dir=" + dir.resolve("data"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false",
                "ewea.alerts.evaluation-enabled=false",
                "ewea.security.jwt.public-key=" + pem,
                "ewea.security.jwt.issuer-uri=" + ISSUER,
                "ewea.security.jwt.audience=ewea",
                "ewea.security.jwt.roles-claim=realm_access.roles");
        port = Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String token(
            KeyPair signer, String issuer, String audience, Instant expires, List<String> roles, String tlp)
            throws Exception {
        return token(signer, issuer, audience, expires, roles, tlp, null);
    }

    private static String token(
            KeyPair signer,
            String issuer,
            String audience,
            Instant expires,
            List<String> roles,
            String tlp,
            @Nullable String handling)
            throws Exception {
        return token(signer, issuer, audience, expires, roles, tlp, handling, "Ana.Lyst");
    }

    private static String token(
            KeyPair signer,
            String issuer,
            String audience,
            Instant expires,
            List<String> roles,
            String tlp,
            @Nullable String handling,
            String name)
            throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("c0ffee")
                .audience(audience)
                .claim("preferred_username", name)
                .claim("realm_access", Map.of("roles", roles))
                .claim("ewea_max_tlp", tlp)
                .issueTime(new Date())
                .expirationTime(Date.from(expires));
        if (handling != null) {
            builder.claim("ewea_max_handling", handling);
        }
        JWTClaimsSet claims = builder.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aValidTokenIsTheUserItNames() throws Exception {
        String token =
                token(keys, ISSUER, "ewea", Instant.now().plusSeconds(300), List.of("analyst", "offline"), "TLP:AMBER");
        Map<String, Object> me = TestClients.forPort(port, token)
                .get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(me)
                .as("the provider's users live in its namespace")
                .containsEntry("username", "ana.lyst@idp.police.example")
                .containsEntry("maxTlp", "AMBER");
        assertThat((Map<String, Object>) me.get("maxHandling"))
                .as("no claim: unrestricted material only")
                .containsEntry("code", "none");
        assertThat((List<String>) me.get("roles")).containsExactly("ANALYST");
        String cleared =
                token(keys, ISSUER, "ewea", Instant.now().plusSeconds(300), List.of("analyst"), "AMBER", "europol:H2");
        Map<String, Object> h2 = TestClients.forPort(port, cleared)
                .get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat((Map<String, Object>) h2.get("maxHandling"))
                .containsEntry("scheme", "europol")
                .containsEntry("code", "H2");
        TestClients.forPort(port, token)
                .get()
                .uri("/api/v1/users")
                .exchange()
                .expectStatus()
                .isForbidden();
        TestClients.forPort(port, token)
                .get()
                .uri("/api/v1/items")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void badTokensAreRefused() throws Exception {
        for (String token : List.of(
                token(stranger, ISSUER, "ewea", Instant.now().plusSeconds(300), List.of("analyst"), "GREEN"),
                token(keys, ISSUER, "ewea", Instant.now().minusSeconds(600), List.of("analyst"), "GREEN"),
                token(
                        keys,
                        "https://evil.example",
                        "ewea",
                        Instant.now().plusSeconds(300),
                        List.of("analyst"),
                        "GREEN"),
                token(keys, ISSUER, "someone-else", Instant.now().plusSeconds(300), List.of("analyst"), "GREEN"),
                token(keys, ISSUER, "ewea", Instant.now().plusSeconds(300), List.of("offline"), "GREEN"),
                token(keys, ISSUER, "ewea", Instant.now().plusSeconds(300), List.of("analyst"), "GREEN", "H9"),
                "not.a.jwt")) {
            TestClients.forPort(port, token)
                    .get()
                    .uri("/api/v1/me")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        TestClients.forPort(
                        port,
                        TestClients.adminToken(app.bean(EweaProperties.class).dataDir()))
                .get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTokenNamingALocalAccountIsNeitherThatAccountNorGivenItsTokensOrPassword() throws Exception {
        String token =
                token(keys, ISSUER, "ewea", Instant.now().plusSeconds(300), List.of("analyst"), "GREEN", null, "admin");
        var impostor = TestClients.forPort(port, token);
        Map<String, Object> me = impostor.get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(me).containsEntry("username", "admin@idp.police.example");
        impostor.post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"take over\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        impostor.post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"take over\", \"username\": \"admin\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        impostor.put()
                .uri("/api/v1/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"a passphrase of some length\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        impostor.get().uri("/api/v1/audit").exchange().expectStatus().isForbidden();
    }
}
