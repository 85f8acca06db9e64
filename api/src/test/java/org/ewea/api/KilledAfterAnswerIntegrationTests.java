package org.ewea.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means durable: the service runs as a process of its own on the embedded store, answers writes, and is
 * killed ({@code SIGKILL}, as {@code kill -9}) the moment the last answer arrives; after a restart on the same data
 * every write it acknowledged is there. Without the commit before the answer, the store's background commit (about
 * once a second) loses them.
 */
class KilledAfterAnswerIntegrationTests {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void everyWriteAnsweredWith2xxSurvivesAKillRightAfterTheAnswer() throws Exception {
        Path data = TestDataDirs.create("killed");
        List<String> created = new ArrayList<>();
        try (Service first = Service.start(data)) {
            for (int i = 1; i <= 3; i++) {
                String id = "killed-" + i;
                HttpResponse<String> answer = first.post("/api/v1/sources", """
                        {"id": "%s", "url": "https://killed.example/%d/rss", "grading": "B2", "tlp": "GREEN"}""".formatted(id, i));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                created.add(id);
            }
            HttpResponse<String> renamed = first.put("/api/v1/sources/killed-1", """
                    {"id": "killed-1", "title": "Renamed before the kill", "url": "https://killed.example/1/rss",
                     "grading": "B2", "tlp": "GREEN"}""");
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
            first.kill();
        }
        try (Service second = Service.start(data)) {
            for (String id : created) {
                HttpResponse<String> read = second.get("/api/v1/sources/" + id);
                assertThat(read.statusCode())
                        .as("%s after the kill: %s", id, read.body())
                        .isEqualTo(200);
            }
            assertThat(second.get("/api/v1/sources/killed-1").body()).contains("Renamed before the kill");
        }
    }

    /** The service in a process of its own. */
    private static final class Service implements AutoCloseable {

        private final Process process;
        private final int port;
        private final String token;
        private final List<String> output;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        private Service(Process process, int port, String token, List<String> output) {
            this.process = process;
            this.port = port;
            this.token = token;
            this.output = output;
        }

        static Service start(Path data) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx768m",
                            "--enable-native-access=ALL-UNNAMED",
                            "-cp",
                            System.getProperty("java.class.path"),
                            EweaApplication.class.getName(),
                            "--ewea.data-dir=" + data,
                            "--server.port=" + port,
                            "--ewea.demo-enabled=false",
                            "--ewea.alerts.evaluation-enabled=false",
                            "--ewea.alerts.digests-enabled=false",
                            "--ewea.collectors.scheduler-enabled=false")
                    .redirectErrorStream(true)
                    .start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Boolean> started = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (output.size() < 400) {
                            output.add(line);
                        }
                        if (line.contains("Started EweaApplication")) {
                            started.complete(true);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
                started.complete(false);
            });
            reader.setDaemon(true);
            reader.start();
            boolean up;
            try {
                up = started.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                up = false;
            }
            if (!up) {
                process.destroyForcibly();
                throw new AssertionError("the service did not start:\n" + String.join("\n", output));
            }
            // the first start's admin token is written just after the start (an application runner)
            Path tokenFile = data.resolve("admin-token");
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!Files.exists(tokenFile) && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(100);
            }
            String token = Files.readString(tokenFile).strip();
            return new Service(process, port, token, output);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(
                    request.header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> put(String path, String json) throws Exception {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** SIGKILL: no shutdown hook, no clean close of the store. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }
}
