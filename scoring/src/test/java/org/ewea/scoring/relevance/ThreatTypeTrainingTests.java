package org.ewea.scoring.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.collectors.testing.TestItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ThreatTypeTrainingTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final LanguageDetector ENGLISH = text -> Optional.of("en");

    @TempDir
    Path dir;

    private final ThreatTypeTraining training = new ThreatTypeTraining(TestAnnotators.defaults(), ENGLISH);

    private Path articles(int each) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            lines.add("{\"id\":\"r" + i + "\",\"title\":\"Hospital hit\",\"text\":\"The gang encrypted files and"
                    + " demands a ransom payment in bitcoin for the decryptor " + i
                    + "\",\"event_types\":[\"Ransom\"]}");
            lines.add("{\"id\":\"p" + i + "\",\"title\":\"Fake login page\",\"text\":\"A phishing e-mail lures staff"
                    + " to a fake login page to steal passwords " + i + "\",\"event_types\":[\"Phishing\"]}");
            lines.add("{\"id\":\"n" + i + "\",\"title\":\"Quarterly results\",\"text\":\"The company reports higher"
                    + " revenue and a new office " + i + "\",\"event_types\":[]}");
        }
        Path file = dir.resolve("articles.jsonl");
        Files.write(file, lines);
        return file;
    }

    @Test
    void trainsOneModelPerTypeNamedByTheFileAndTypesStoredItems() throws IOException {
        Path file = articles(12);
        ThreatTypes types = training.train(file);
        assertThat(types.byType()).containsOnlyKeys("Phishing", "Ransom");
        assertThat(types.id()).startsWith("threat-types-").hasSize("threat-types-".length() + 12);
        assertThat(training.train(file)).as("same file, same model").isEqualTo(types);

        ItemRepository items = new ItemRepository(STORE.freshDatabase());
        items.ensureIndexes();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        AnnotatedItem ransom = new AnnotatedItem(
                TestItems.item(
                        "https://n.example/1",
                        "Clinic hit: the gang encrypted files and demands a ransom in bitcoin",
                        t,
                        t),
                ItemAnnotations.NONE);
        AnnotatedItem results = new AnnotatedItem(
                TestItems.item("https://n.example/2", "The company reports higher revenue this quarter", t, t),
                ItemAnnotations.NONE);
        items.insertAnnotated(List.of(ransom, results));
        ItemRelevance relevance = new ItemRelevance(items, ItemRelevance.shipped(), ids -> Set.of(), types);
        assertThat(relevance.modelId()).isEqualTo(ItemRelevance.shipped().id() + "+" + types.id());
        assertThat(relevance.rescore()).isEqualTo(2);
        AnnotatedItem.Relevance stored =
                items.findAnnotated(ransom.item().id()).orElseThrow().relevance();
        assertThat(stored.threatTypes()).containsExactly("Ransom");
        assertThat(stored.model()).isEqualTo(relevance.modelId());
        assertThat(items.findAnnotated(results.item().id())
                        .orElseThrow()
                        .relevance()
                        .threatTypes())
                .isEmpty();
        assertThat(new ItemRelevance(items, ItemRelevance.shipped()).rescore())
                .as("dropping the type model rescores everything once")
                .isEqualTo(2);
    }

    @Test
    void refusesFilesItCannotTrainOnNamingTheLine() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, List.of("{\"title\":\"a\",\"text\":\"b\",\"event_types\":[\"Ransom\"]}", "not json"));
        assertThatThrownBy(() -> training.train(bad))
                .hasMessageContaining("line 2")
                .hasMessageContaining("not JSON");
        Files.write(bad, List.of("{\"title\":\"a\",\"text\":\"b\",\"event_types\":\"Ransom\"}"));
        assertThatThrownBy(() -> training.train(bad))
                .hasMessageContaining("line 1")
                .hasMessageContaining("event_types must be an array");
        Files.write(bad, List.of("{\"title\":\"\",\"text\":\" \",\"event_types\":[]}"));
        assertThatThrownBy(() -> training.train(bad)).hasMessageContaining("no title and no text");
        Files.write(bad, List.of("{\"title\":\"a\",\"text\":\"b\",\"event_types\":[\"<script>\"]}"));
        assertThatThrownBy(() -> training.train(bad)).hasMessageContaining("is not a name");
        Files.write(bad, List.of());
        assertThatThrownBy(() -> training.train(bad)).hasMessageContaining("no article");
        assertThatThrownBy(() -> training.train(articles(3)))
                .hasMessageContaining("too few for Phishing (3 of 9)")
                .hasMessageContaining("Ransom (3 of 9)");
    }
}
