package org.ewea.api.methodology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ewea.api.RunningApplication;
import org.ewea.api.TestDataDirs;
import org.ewea.methodology.definition.DefinitionException;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;

/** EWEA_METHODOLOGY_DIR extends the method at start; an invalid definition stops the service, saying where. */
class MethodologyOverrideIntegrationTests {

    private static final String EXTRA = """
            technologies:
              - id: drone-swarms
                broader: drones
                labels:
                  en: [drone swarm]
                  de: [Drohnenschwarm]
                  fr: [essaim de drones]
                  es: [enjambre de drones]
                  it: [sciame di droni]
                  nl: [droneswerm]
                  pl: [rój dronów]
                description: Coordinated groups of drones.
                crimeAreas: [%s]
            """;

    @Test
    void anOverrideDirectoryAddsTechnologies() throws IOException {
        Path methodology = TestDataDirs.create("methodology");
        Files.writeString(methodology.resolve("taxonomy.yaml"), EXTRA.formatted("terrorism"));
        try (RunningApplication app = RunningApplication.start(
                "ewea.data-dir=" + TestDataDirs.create("override"),
                "ewea.demo-enabled=false",
                "ewea.methodology-dir=" + methodology)) {
            app.client()
                    .get()
                    .uri("/api/v1/methodology/technologies/drone-swarms")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.topLevel")
                    .isEqualTo("physical-technologies");
            app.client()
                    .get()
                    .uri("/api/v1/methodology")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.sources[2]")
                    .isEqualTo(methodology.resolve("taxonomy.yaml").toString());
        }
    }

    @Test
    void anInvalidDefinitionStopsTheServiceNamingFileAndLine() throws IOException {
        Path methodology = TestDataDirs.create("bad-methodology");
        Files.writeString(methodology.resolve("taxonomy.yaml"), EXTRA.formatted("piracy"));
        Throwable failure = catchThrowable(() -> RunningApplication.start(
                        "ewea.data-dir=" + TestDataDirs.create("bad"),
                        "ewea.demo-enabled=false",
                        "ewea.methodology-dir=" + methodology)
                .close());
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(root).isInstanceOf(DefinitionException.class);
        assertThat(root.getMessage())
                .startsWith(methodology.resolve("taxonomy.yaml") + ":2:")
                .contains("crime area 'piracy'");
    }
}
