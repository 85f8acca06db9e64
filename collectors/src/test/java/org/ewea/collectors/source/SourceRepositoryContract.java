package org.ewea.collectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.SourceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every MongoDB the source catalogue runs on must do. Subclasses say which MongoDB. */
abstract class SourceRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private SourceRepository repository;

    protected abstract MongoDatabase database();

    @BeforeEach
    void create() {
        repository = new SourceRepository(database());
        repository.ensureIndexes();
        repository.ensureIndexes();
    }

    private static Source source(String id, String url, boolean enabled) {
        return TestSources.validator()
                .validate(
                        new SourceSpec(
                                id,
                                "feed",
                                "Title " + id,
                                url,
                                null,
                                null,
                                "en",
                                "B2",
                                "GREEN",
                                List.of("news"),
                                null,
                                enabled,
                                false),
                        NOW);
    }

    @Test
    void createsFindsReplacesAndDeletes() {
        Source krebs = source("krebs", "https://krebsonsecurity.com/feed", true);
        repository.create(krebs);
        assertThat(repository.find(new SourceId("krebs"))).contains(krebs);
        assertThatExceptionOfType(DuplicateSourceException.class).isThrownBy(() -> repository.create(krebs));

        Source disabled = source("krebs", "https://krebsonsecurity.com/feed", false);
        assertThat(repository.replace(disabled)).isTrue();
        assertThat(repository.find(new SourceId("krebs")).orElseThrow().enabled())
                .isFalse();
        assertThat(repository.replace(source("nobody", "https://x.example/", true)))
                .isFalse();

        assertThat(repository.delete(new SourceId("krebs"))).isTrue();
        assertThat(repository.delete(new SourceId("krebs"))).isFalse();
        assertThat(repository.find(new SourceId("krebs"))).isEmpty();
    }

    @Test
    void pagesAndFiltersTreatingTheQueryAsPlainText() {
        repository.create(source("a-feed", "https://a.example/rss", true));
        repository.create(source("b-feed", "https://b.example/rss", false));
        repository.create(source("c-feed", "https://c.example/(x).*", true));
        assertThat(repository.page(null, null, null, 0, 2))
                .extracting(s -> s.id().value())
                .containsExactly("a-feed", "b-feed");
        assertThat(repository.count(null, null, null)).isEqualTo(3);
        assertThat(repository.page(null, null, true, 0, 10)).hasSize(2);
        assertThat(repository.count(null, null, false)).isEqualTo(1);
        assertThat(repository.page("B.EXAMPLE", null, null, 0, 10))
                .extracting(s -> s.id().value())
                .containsExactly("b-feed");
        assertThat(repository.page("(x).*", null, null, 0, 10))
                .extracting(s -> s.id().value())
                .containsExactly("c-feed");
        assertThat(repository.page("[a-c]-feed", null, null, 0, 10))
                .as("not a regex")
                .isEmpty();
        assertThat(repository.page("{\"$gt\": \"\"}", null, null, 0, 10)).isEmpty();
        assertThat(repository.enabled()).hasSize(2);
    }

    @Test
    void insertsAllOrNothing() {
        repository.create(source("taken", "https://taken.example/rss", true));
        List<Source> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(source("new-" + i, "https://n" + i + ".example/rss", true));
        }
        batch.add(source("taken", "https://other.example/rss", true));
        assertThatExceptionOfType(DuplicateSourceException.class).isThrownBy(() -> repository.insertAll(batch));
        assertThat(repository.count(null, null, null)).isEqualTo(1);
        assertThat(repository.find(new SourceId("taken")).orElseThrow().url()).hasToString("https://taken.example/rss");
        repository.insertAll(batch.subList(0, 5));
        assertThat(repository.count(null, null, null)).isEqualTo(6);
        assertThat(repository.existingUrls(List.of("https://n1.example/rss", "https://none.example/")))
                .isEqualTo(Set.of("https://n1.example/rss"));
        assertThat(repository.existingIds(List.of("new-3", "new-9"))).isEqualTo(Set.of("new-3"));
    }
}
