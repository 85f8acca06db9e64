package org.ewea.scoring.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestItems;
import org.ewea.methodology.AdmiraltyGrade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ItemRelevanceTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final RelevanceFeatures FEATURES = new RelevanceFeatures();
    private static final ItemContext OPEN = new ItemContext(AdmiraltyGrade.parse("B2"), false, "en");

    private static List<LabelledExample> examples() {
        List<LabelledExample> examples = new ArrayList<>();
        String[] threats = {
            "ransomware affiliates leak stolen data",
            "phishing kit steals credentials",
            "botnet exploits router vulnerability",
            "infostealer logs sold on forum"
        };
        String[] other = {
            "football club wins the cup", "recipe for apple pie", "weather will be sunny", "new museum opens downtown"
        };
        for (int i = 0; i < 40; i++) {
            examples.add(new LabelledExample(FEATURES.of(threats[i % 4] + " " + i, List.of(), List.of(), OPEN), true));
            examples.add(new LabelledExample(FEATURES.of(other[i % 4] + " " + i, List.of(), List.of(), OPEN), false));
        }
        return examples;
    }

    @Test
    void shippedWeightsScoreAsTheTrainedModelAndSurviveTheirFile() throws IOException {
        RelevanceModel model = RelevanceModel.train(examples(), RelevanceModel.DEFAULT_OPTIONS);
        RelevanceWeights weights = model.weights("test-model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        weights.write(out);
        RelevanceWeights read = RelevanceWeights.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read).isEqualTo(weights);
        for (String text : List.of("ransomware gang leaks data", "apple pie with cream", "")) {
            var f = FEATURES.of(text, List.of(), List.of(), OPEN);
            assertThat(read.probability(f)).isCloseTo(model.probability(f), within(1e-5));
        }
        assertThat(read.probability(FEATURES.of("ransomware leak", List.of(), List.of(), OPEN)))
                .isGreaterThan(read.probability(FEATURES.of("sunny museum", List.of(), List.of(), OPEN)));
    }

    @Test
    void theShippedModelLoadsAndTellsThreatsFromSmallTalk() {
        RelevanceWeights shipped = ItemRelevance.shipped();
        assertThat(shipped.id()).startsWith("relevance-cti-ann-");
        assertThat(shipped.probability(FEATURES.of(
                        "New ransomware strain encrypts hospital servers, attackers" + " demand bitcoin",
                        List.of(),
                        List.of(),
                        OPEN)))
                .isGreaterThan(shipped.probability(
                        FEATURES.of("Lovely weather for a picnic in the park today", List.of(), List.of(), OPEN)));
    }

    @Test
    void scoresStoredItemsAndRescoresOnlyWhatAnotherModelScored() throws IOException {
        ItemRepository items = new ItemRepository(STORE.freshDatabase());
        items.ensureIndexes();
        List<AnnotatedItem> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(new AnnotatedItem(
                    TestItems.item(
                            "https://r.example/" + i,
                            "ransomware report " + i,
                            Instant.parse("2026-01-01T00:00:00Z"),
                            Instant.parse("2026-01-01T00:00:00Z")),
                    ItemAnnotations.NONE));
        }
        items.insertAnnotated(stored);
        RelevanceModel model = RelevanceModel.train(examples(), RelevanceModel.DEFAULT_OPTIONS);
        ItemRelevance first = new ItemRelevance(items, model.weights("m1"));
        first.record(stored.subList(0, 3));
        assertThat(first.rescore()).as("four were never scored").isEqualTo(4);
        assertThat(first.rescore()).isZero();
        AnnotatedItem read = items.findAnnotated(stored.getFirst().item().id()).orElseThrow();
        assertThat(read.relevance()).isNotNull();
        assertThat(read.relevance().model()).isEqualTo("m1");
        assertThat(read.relevance().probability())
                .isCloseTo(first.probability(stored.getFirst(), false), within(1e-12));

        ItemRelevance second = new ItemRelevance(items, model.weights("m2"));
        assertThat(second.rescore())
                .as("a model change rescores everything once")
                .isEqualTo(7);
        assertThat(second.rescore()).isZero();
        assertThat(items.findAnnotated(stored.get(5).item().id())
                        .orElseThrow()
                        .relevance()
                        .model())
                .isEqualTo("m2");
    }

    @Test
    void theSourcesGradeDarkWebFlagAndLanguageAreFeatures() throws IOException {
        ItemContext darkWeb = new ItemContext(AdmiraltyGrade.parse("B2"), true, "en");
        ItemContext graded = new ItemContext(AdmiraltyGrade.parse("B2"), false, "en");
        for (ItemContext other : List.of(
                graded,
                new ItemContext(AdmiraltyGrade.parse("A2"), true, "en"),
                new ItemContext(AdmiraltyGrade.parse("B1"), true, "en"),
                new ItemContext(darkWeb.grade(), true, "ru"),
                new ItemContext(darkWeb.grade(), true, null))) {
            assertThat(FEATURES.of("same words", List.of(), List.of(), darkWeb))
                    .as(other.toString())
                    .isNotEqualTo(FEATURES.of("same words", List.of(), List.of(), other));
        }
        // the same words are relevant from the underground and small talk elsewhere: only the context can tell
        List<LabelledExample> examples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            examples.add(new LabelledExample(FEATURES.of("selling access " + i, List.of(), List.of(), darkWeb), true));
            examples.add(new LabelledExample(FEATURES.of("selling access " + i, List.of(), List.of(), graded), false));
        }
        RelevanceModel model = RelevanceModel.train(examples, RelevanceModel.DEFAULT_OPTIONS);
        ItemRepository items = new ItemRepository(STORE.freshDatabase());
        items.ensureIndexes();
        AnnotatedItem fromForum = new AnnotatedItem(
                TestItems.item(
                        "https://forum.example/1",
                        "selling access 99",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-01T00:00:00Z")),
                ItemAnnotations.NONE);
        items.insertAnnotated(List.of(fromForum));
        String source = fromForum.item().sourceId().value();
        new ItemRelevance(items, model.weights("m"), ids -> ids.contains(source) ? Set.of(source) : Set.of())
                .record(List.of(fromForum));
        double underground = items.findAnnotated(fromForum.item().id())
                .orElseThrow()
                .relevance()
                .probability();
        new ItemRelevance(items, model.weights("m2")).record(List.of(fromForum));
        double open = items.findAnnotated(fromForum.item().id())
                .orElseThrow()
                .relevance()
                .probability();
        assertThat(underground)
                .as("the catalogue's dark-web flag reaches the features")
                .isGreaterThan(0.5)
                .isGreaterThan(open);
    }
}
