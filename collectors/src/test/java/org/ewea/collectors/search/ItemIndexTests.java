package org.ewea.collectors.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Provenance;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ItemIndexTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private static final Annotator ANNOTATOR = TestAnnotators.defaults();

    private ItemIndex index;

    static AnnotatedItem item(
            String id, String language, String title, String text, Tlp tlp, String grade, String day) {
        return item(id, language, title, text, tlp, Handling.NONE, grade, day);
    }

    static AnnotatedItem item(
            String id,
            String language,
            String title,
            String text,
            Tlp tlp,
            Handling handling,
            String grade,
            String day) {
        Instant when = Instant.parse(day + "T10:00:00Z");
        String url = "https://" + id + ".example/a";
        return ANNOTATOR.annotate(new HarmonisedItem(
                ItemId.legacyForUrl(url),
                new SourceId("src-" + language),
                url,
                title,
                text,
                language,
                when,
                when,
                AdmiraltyGrade.parse(grade),
                tlp,
                handling,
                Digests.sha256Hex(title + text),
                new Provenance(Digests.sha256Hex(url), URI.create(url), when)));
    }

    static final List<AnnotatedItem> ITEMS = List.of(
            item(
                    "de",
                    "de",
                    "Betrüger nutzen Stimmklonen",
                    "Mit geklonten Stimmen von Vorgesetzten erbeuten sie" + " Millionen.",
                    Tlp.CLEAR,
                    "B2",
                    "2026-03-02"),
            item(
                    "fr",
                    "fr",
                    "Arnaque au président",
                    "Les escrocs utilisent le clonage de voix pour imiter les" + " dirigeants.",
                    Tlp.GREEN,
                    "C3",
                    "2026-03-05"),
            item(
                    "en",
                    "en",
                    "Ransomware gangs attacked hospitals",
                    "Several ransomware attacks hit clinics this" + " week.",
                    Tlp.AMBER,
                    "A1",
                    "2026-03-09"),
            item(
                    "red",
                    "en",
                    "Voice cloning kit sold on a forum",
                    "A voice cloning service is advertised.",
                    Tlp.RED,
                    "B2",
                    "2026-03-10"),
            item(
                    "injection",
                    "en",
                    "Query tricks",
                    "Someone wrote {\"$gt\": \"\"} and title:* AND OR in a post.",
                    Tlp.CLEAR,
                    "B2",
                    "2026-03-11"));

    @BeforeEach
    void create() {
        index = ItemIndex.inMemory(
                new SearchAnalyzers(METHODOLOGY.taxonomy()), METHODOLOGY.lexicon(), METHODOLOGY.taxonomy());
        index.index(ITEMS);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> ids(@Nullable String text, Tlp clearance) {
        return ids(text, new Clearance(clearance, Handling.ALL));
    }

    private List<String> ids(@Nullable String text, Clearance clearance) {
        return index.search(new SearchQuery(text, null, null, null, null, null, null, null, clearance, 0, 20))
                .ids();
    }

    private static String id(String name) {
        return ItemId.legacyForUrl("https://" + name + ".example/a").value();
    }

    @Test
    void aSearchInOneLanguageFindsTheOthersThroughTheLexicon() {
        assertThat(ids("voice cloning", Tlp.AMBER)).containsExactlyInAnyOrder(id("de"), id("fr"));
        assertThat(ids("Stimmklonen", Tlp.AMBER)).contains(id("de"), id("fr"));
        assertThat(ids("voice cloning", Tlp.RED)).contains(id("red"));
    }

    @Test
    void wordsAreStemmedInTheItemsLanguage() {
        assertThat(ids("attack", Tlp.RED)).containsExactly(id("en"));
        assertThat(ids("hospital", Tlp.RED)).containsExactly(id("en"));
    }

    @Test
    void hostileQueriesArePlainText() {
        assertThat(ids("{\"$gt\": \"\"}", Tlp.RED)).containsExactly(id("injection"));
        assertThat(ids("title:* AND OR", Tlp.RED)).containsExactly(id("injection"));
        assertThat(ids("*", Tlp.RED)).isEmpty();
        assertThat(ids("\"unbalanced (quote", Tlp.RED)).isEmpty();
    }

    @Test
    void facetsCountWhatTheReaderIsClearedFor() {
        SearchResult all = index.search(new SearchQuery(
                null, null, null, null, null, null, null, null, new Clearance(Tlp.AMBER, Handling.ALL), 0, 2));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.ids()).as("newest first without text").containsExactly(id("injection"), id("en"));
        assertThat(all.facets().get("language"))
                .extracting(SearchResult.FacetCount::value)
                .containsExactlyInAnyOrder("de", "fr", "en");
        assertThat(all.facets().get("grade")).contains(new SearchResult.FacetCount("B2", 2));
        assertThat(all.facets().get("technology"))
                .extracting(SearchResult.FacetCount::value)
                .contains("voice-cloning", "ransomware");
        assertThat(all.facets().get("month")).containsExactly(new SearchResult.FacetCount("2026-03", 4));
        SearchResult filtered = index.search(new SearchQuery(
                null,
                "voice-cloning",
                null,
                null,
                "fr",
                null,
                LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"),
                new Clearance(Tlp.AMBER, Handling.ALL),
                0,
                20));
        assertThat(filtered.ids()).containsExactly(id("fr"));
        assertThat(index.search(new SearchQuery(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                LocalDate.parse("2026-03-06"),
                                null,
                                new Clearance(Tlp.AMBER, Handling.ALL),
                                0,
                                20))
                        .ids())
                .containsExactlyInAnyOrder(id("en"), id("injection"));
        assertThat(all.facets().get("crimeArea")).isNotEmpty();
    }

    @Test
    void aReaderFindsOnlyTheHandlingCodesTheyAreClearedFor() {
        var codes = METHODOLOGY.grading().handlingCodes();
        index.index(List.of(item(
                "h2",
                "en",
                "Voice cloning tip from a partner",
                "A partner reports voice cloning.",
                Tlp.GREEN,
                codes.parse("europol:H2"),
                "B2",
                "2026-03-12")));
        assertThat(ids("voice cloning", new Clearance(Tlp.RED, codes.parse("europol:H1"))))
                .doesNotContain(id("h2"))
                .contains(id("de"));
        assertThat(ids("voice cloning", new Clearance(Tlp.GREEN, codes.parse("uk-3x5x2:C"))))
                .as("C (0.7) is below H2 (0.8)")
                .doesNotContain(id("h2"));
        assertThat(ids("voice cloning", new Clearance(Tlp.GREEN, codes.parse("europol:H2"))))
                .contains(id("h2"));
        assertThat(ids("voice cloning", Clearance.of(Tlp.RED)))
                .as("unrestricted only")
                .containsExactlyInAnyOrder(id("de"), id("fr"), id("red"));
    }

    @Test
    void anIndexWrittenInAnOlderShapeIsEmptiedOnOpenSoThatItIsRebuilt(@TempDir Path dir) throws Exception {
        try (var writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
            var doc = new Document();
            doc.add(new StringField("id", "old", Field.Store.YES));
            writer.addDocument(doc);
            writer.commit();
        }
        try (ItemIndex reopened = ItemIndex.open(
                dir, new SearchAnalyzers(METHODOLOGY.taxonomy()), METHODOLOGY.lexicon(), METHODOLOGY.taxonomy())) {
            assertThat(reopened.count()).isZero();
            reopened.index(ITEMS.subList(0, 2));
        }
        try (ItemIndex again = ItemIndex.open(
                dir, new SearchAnalyzers(METHODOLOGY.taxonomy()), METHODOLOGY.lexicon(), METHODOLOGY.taxonomy())) {
            assertThat(again.count())
                    .as("an index of the current shape is kept")
                    .isEqualTo(2);
        }
    }

    @Test
    void theIndexIsRebuiltFromTheStore() {
        ItemRepository items = new ItemRepository(STORE.freshDatabase());
        items.ensureIndexes();
        items.insertAnnotated(ITEMS.subList(0, 3));
        assertThat(index.rebuild(items)).isEqualTo(3);
        assertThat(index.count()).isEqualTo(3);
        assertThat(ids("voice cloning", Tlp.RED)).containsExactlyInAnyOrder(id("de"), id("fr"));
        index.index(ITEMS.subList(0, 1));
        assertThat(index.count()).as("re-indexing replaces").isEqualTo(3);
    }
}
