package org.ewea.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The real application started as a user starts it (arguments instead of environment variables), for tests. */
public final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient client;

    private RunningApplication(ConfigurableApplicationContext context, @Nullable String token) {
        this.context = context;
        String port = context.getEnvironment().getProperty("local.server.port");
        String dataDir = context.getEnvironment().getProperty("ewea.data-dir", "./data");
        this.client = TestClients.forPort(
                Integer.parseInt(port), token != null ? token : TestClients.adminToken(Path.of(dataDir)));
    }

    /** Starts on a random port with the given {@code ewea.*} (or other) properties, e.g. {@code ewea.data-dir=...}. */
    public static RunningApplication start(String... properties) {
        return startWithToken(null, properties);
    }

    /**
     * As {@link #start}, with the client sending {@code token} (for an instance joining another's store, whose first
     * start wrote the admin token elsewhere).
     */
    public static RunningApplication startWithToken(@Nullable String token, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        for (String property : properties) {
            args.add("--" + property);
        }
        SpringApplication application = new SpringApplicationBuilder(EweaApplication.class).build();
        return new RunningApplication(application.run(args.toArray(String[]::new)), token);
    }

    /** The running application's context. */
    public ApplicationContext context() {
        return context;
    }

    public WebTestClient client() {
        return client;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** {@code total} of the items listing. */
    public long itemTotal() {
        Map<String, Object> page = client.get()
                .uri("/api/v1/items?size=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return ((Number) page.get("total")).longValue();
    }

    @Override
    public void close() {
        context.close();
    }
}
