package org.ewea.collectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.definition.DefinitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SourceCatalogueFileTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void createsAndReplacesTheFilesSourcesOnly() throws IOException {
        SourceRepository repository = new SourceRepository(STORE.freshDatabase());
        repository.create(TestSources.validator()
                .validate(
                        new SourceSpec(
                                "api-made",
                                null,
                                null,
                                "https://api.example/rss",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        NOW));
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - id: krebs
                    url: https://krebsonsecurity.com/feed
                    grading: B2
                    tags: [cybercrime]
                  - id: chats
                    kind: folder
                    path: /data/mirrors/ransomchats
                    profile: ransomchats
                    tlp: AMBER
                """);
        SourceCatalogueFile catalogue = new SourceCatalogueFile(TestSources.validator());
        assertThat(catalogue.apply(catalogue.read(file, NOW), repository, NOW)).isEqualTo(2);
        assertThat(repository
                        .find(new SourceId("krebs"))
                        .orElseThrow()
                        .grading()
                        .code())
                .isEqualTo("B2");

        Files.writeString(file, Files.readString(file).replace("B2", "C3"));
        catalogue.apply(catalogue.read(file, NOW.plusSeconds(60)), repository, NOW.plusSeconds(60));
        Source krebs = repository.find(new SourceId("krebs")).orElseThrow();
        assertThat(krebs.grading().code()).isEqualTo("C3");
        assertThat(krebs.created()).isEqualTo(NOW);
        assertThat(repository.count(null, null, null)).isEqualTo(3);
    }

    @Test
    void rejectsInvalidEntriesNamingFileLineAndReason() throws IOException {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - id: good
                    url: https://good.example/rss
                  - id: bad
                    url: ftp://bad.example/rss
                """);
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> new SourceCatalogueFile(TestSources.validator()).read(file, NOW))
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage())
                            .contains("sources.yaml:4")
                            .contains("'bad'")
                            .contains("url");
                });
        Files.writeString(file, "sources:\n  - id: x\n    colour: red\n");
        assertThatExceptionOfType(DefinitionException.class)
                .isThrownBy(() -> new SourceCatalogueFile(TestSources.validator()).read(file, NOW))
                .withMessageContaining(":3:");
    }
}
