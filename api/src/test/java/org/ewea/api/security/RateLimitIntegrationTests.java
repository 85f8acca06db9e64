package org.ewea.api.security;

import org.ewea.api.RunningApplication;
import org.ewea.api.TestClients;
import org.ewea.api.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;

/** Guessing tokens and issuing them in bulk are slowed down (an application of its own: the buckets are per instance). */
class RateLimitIntegrationTests {

    @Test
    void tooManyIssuedTokensThenTooManyFailedAuthenticationsGive429() {
        try (RunningApplication app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("limits"),
                "ewea.demo-enabled=false",
                "ewea.collectors.scheduler-enabled=false")) {
            for (int i = 0; i < RateLimits.TOKENS_ISSUED; i++) {
                app.client()
                        .post()
                        .uri("/api/v1/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\": \"t" + i + "\"}")
                        .exchange()
                        .expectStatus()
                        .isCreated();
            }
            app.client()
                    .post()
                    .uri("/api/v1/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": \"one too many\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:ewea:problem:too-many-requests");
            app.client().get().uri("/api/v1/me").exchange().expectStatus().isOk();

            for (int i = 0; i < RateLimits.AUTH_FAILURES; i++) {
                app.client()
                        .get()
                        .uri("/api/v1/me")
                        .header("Authorization", "Bearer guess-" + i)
                        .exchange()
                        .expectStatus()
                        .isUnauthorized();
            }
            app.client()
                    .get()
                    .uri("/api/v1/me")
                    .header("Authorization", "Bearer guess-again")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .valueEquals("Retry-After", "60")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:ewea:problem:too-many-requests");
            // the address is blocked, whatever token it sends; without a token health still answers
            app.client().get().uri("/api/v1/me").exchange().expectStatus().isEqualTo(429);
            TestClients.forPort(Integer.parseInt(app.bean(Environment.class).getProperty("local.server.port")))
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }
}
