package org.ewea.api;

import java.time.Duration;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Users made through the API as an admin, each with a client sending a fresh API token of theirs. */
public final class TestUsers {

    private TestUsers() {}

    /**
     * Creates the user (201 expected) and returns a client for them.
     *
     * @param admin a client with the admin's token
     * @param userJson the body of {@code POST /api/v1/users}
     */
    @SuppressWarnings("unchecked")
    public static WebTestClient create(RunningApplication app, WebTestClient admin, String username, String userJson) {
        admin.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(userJson)
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> issued = admin.post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"test\", \"username\": \"" + username + "\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        int port = Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port"));
        return TestClients.forPort(port, (String) issued.get("secret"))
                .mutate()
                .responseTimeout(Duration.ofMinutes(5))
                .build();
    }

    /** As {@link #create}, a user with one role and both clearances. */
    public static WebTestClient create(
            RunningApplication app,
            WebTestClient admin,
            String username,
            String role,
            String maxTlp,
            String maxHandling) {
        return create(
                app,
                admin,
                username,
                "{\"username\": \"" + username + "\", \"roles\": [\"" + role + "\"], \"maxTlp\": \"" + maxTlp
                        + "\", \"maxHandling\": \"" + maxHandling + "\"}");
    }
}
