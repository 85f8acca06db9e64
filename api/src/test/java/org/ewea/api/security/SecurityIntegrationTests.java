package org.ewea.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.ewea.api.LiveApplicationTests;
import org.ewea.api.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Authentication, roles and tokens through the real filter chain. */
@SuppressWarnings("unchecked")
class SecurityIntegrationTests extends LiveApplicationTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/items",
                "/api/v1/scores",
                "/api/v1/sources",
                "/api/v1/models",
                "/api/v1/methodology",
                "/api/v1/technologies/ransomware/signals",
                "/api/v1/tokens",
                "/api/v1/me",
                "/api/v1/no-such-route",
                "/api/v1/alerts",
                "/api/v1/exports/stix",
                "/api/v1/digests"
            })
    void everyRouteNeedsAToken(String path) {
        anonymous
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:unauthenticated")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("Authorization: Bearer"));
    }

    @Test
    void theIconIsServedToEveryoneLikeTheStylesheet() {
        byte[] icon = anonymous
                .get()
                .uri("/favicon.ico")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        assertThat(icon).startsWith(0, 0, 1, 0);
        anonymous.get().uri("/ui-assets/app.css").exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ui", "/ui/alerts", "/ui/search?q=x", "/ui/admin", "/ui/digests/x.pdf"})
    void everyUiPageNeedsASignIn(String path) {
        anonymous
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .valueEquals("Location", "/login");
        anonymous
                .get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", UiSecurityConfiguration.CSP)
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY");
        // a bearer token is for the API, not for the pages
        client.get().uri(path).exchange().expectStatus().isFound();
    }

    @Test
    void signingInNeedsTheCsrfTokenOfTheLoginPage() {
        anonymous
                .post()
                .uri("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=admin&password=whatever-it-is")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void theAdminTokenFromTheFirstStartWorksAndIsReadableByTheOwnerOnly() throws Exception {
        client.get().uri("/api/v1/items?size=1").exchange().expectStatus().isOk();
        assertThat(getJsonObject("/api/v1/me"))
                .containsEntry("username", "admin")
                .containsEntry("maxTlp", "RED")
                .containsEntry("roles", List.of("ADMIN"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA.resolve("admin-token"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(DATA.resolve("admin-token")).strip())
                .matches("ewea_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer ewea_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "Bearer not-a-token",
                "Basic YWRtaW46YWRtaW4=",
                "Bearer "
            })
    void aBadTokenIsRefused(String header) {
        anonymous
                .get()
                .uri("/api/v1/items")
                .header("Authorization", header)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthAndTheApiDescriptionAreOpenAndResponsesCarrySecurityHeaders() {
        anonymous
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .exists("X-Frame-Options");
        anonymous
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/tokens'].post")
                .exists()
                .jsonPath("$.paths['/api/v1/users'].post")
                .exists();
    }

    @Test
    void rolesDecideWhatAUserMayDoAndRevokedTokensStopWorking() {
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"pol.icy\", \"roles\": [\"POLICY\"], \"maxTlp\": \"TLP:AMBER\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"pol.icy\", \"roles\": [\"POLICY\"]}")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        Map<String, Object> issued = client.post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"briefing laptop\", \"username\": \"pol.icy\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String secret = (String) issued.get("secret");
        String id = (String) ((Map<String, Object>) issued.get("token")).get("id");
        WebTestClient policy = TestClients.forPort(port, secret);

        policy.get().uri("/api/v1/scores?size=1").exchange().expectStatus().isOk();
        policy.get()
                .uri("/api/v1/me")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.maxTlp")
                .isEqualTo("AMBER");
        policy.get()
                .uri("/api/v1/users")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ewea:problem:forbidden");
        policy.post()
                .uri("/api/v1/models")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        policy.delete()
                .uri("/api/v1/sources/cisa-kev")
                .exchange()
                .expectStatus()
                .isForbidden();
        policy.post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"x\", \"username\": \"admin\"}")
                .exchange()
                .expectStatus()
                .isForbidden();
        List<Map<String, Object>> own = (List<Map<String, Object>>) policy.get()
                .uri("/api/v1/tokens")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("items");
        assertThat(own).extracting(t -> t.get("username")).containsOnly("pol.icy");
        assertThat(own.toString()).doesNotContain(secret.substring(18));

        client.delete().uri("/api/v1/tokens/" + id).exchange().expectStatus().isNoContent();
        policy.get().uri("/api/v1/scores?size=1").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void badUsersAreProblemsNamingTheFields() {
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"X!\", \"roles\": [\"KING\"], \"maxTlp\": \"PURPLE\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].name")
                .value(names ->
                        assertThat((List<String>) names).containsExactlyInAnyOrder("roles", "maxTlp", "username"));
    }
}
