package org.ewea.collectors.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewea.collectors.testing.TestItems.item;
import static org.ewea.collectors.testing.TestItems.undated;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Provenance;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every MongoDB the items repository runs on must do. Subclasses say which MongoDB. */
abstract class ItemRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");

    private ItemRepository repository;

    protected abstract MongoDatabase database();

    @BeforeEach
    void createRepository() {
        repository = new ItemRepository(database());
        repository.ensureIndexes();
        repository.ensureIndexes(); // idempotent
    }

    @Test
    void storesNewItemsAndRoundTripsEveryField() {
        HarmonisedItem item = item("https://news.example.org/a", "Ransomware kit sold", T0.minusSeconds(3600), T0);
        assertThat(repository.insertNew(List.of(item))).isEqualTo(new StoreOutcome(1, 0));
        assertThat(repository.find(item.id())).contains(item);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void countsSameContentRecapturedAndRepeatsAsMergedWithoutOverwriting() {
        HarmonisedItem original = item("https://news.example.org/a", "Original title", T0, T0);
        repository.insertNew(List.of(original));
        HarmonisedItem recaptured = item("https://news.example.org/a", "Original title", T0, T0.plusSeconds(60));
        HarmonisedItem other = item("https://news.example.org/b", "Other", T0, T0);

        StoreOutcome outcome = repository.insertNew(List.of(recaptured, other, other));

        assertThat(outcome).isEqualTo(new StoreOutcome(1, 2));
        assertThat(repository.find(original.id())).contains(original);
        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void keepsRelevanceAndThreatTypesAndFiltersByThem() {
        HarmonisedItem ransom = item("https://r.example/1", "Ransom note", T0, T0);
        HarmonisedItem breach = item("https://r.example/2", "Breach", T0, T0);
        HarmonisedItem plain = item("https://r.example/3", "Weather", T0, T0);
        repository.insertNew(List.of(ransom, breach, plain));
        repository.setRelevance(Map.of(
                ransom.id(), new AnnotatedItem.Relevance(0.9, "m+t", List.of("Ransom", "Databreach")),
                breach.id(), new AnnotatedItem.Relevance(0.7, "m+t", List.of("Databreach")),
                plain.id(), new AnnotatedItem.Relevance(0.1, "m+t", List.of())));
        assertThat(repository.findAnnotated(ransom.id()).orElseThrow().relevance())
                .isEqualTo(new AnnotatedItem.Relevance(0.9, "m+t", List.of("Ransom", "Databreach")));
        var all = Clearance.FULL;
        assertThat(repository.pageAnnotated(0, 10, all, null, "Databreach"))
                .extracting(i -> i.item().title())
                .containsExactlyInAnyOrder("Ransom note", "Breach");
        assertThat(repository.pageAnnotated(0, 10, all, 0.8, "Databreach"))
                .extracting(i -> i.item().title())
                .containsExactly("Ransom note");
        assertThat(repository.count(all, null, "Ransom")).isEqualTo(1);
        assertThat(repository.count(all, null, "Phishing")).isZero();
        repository.setRelevance(Map.of(plain.id(), 0.2), "m");
        assertThat(repository.findAnnotated(plain.id()).orElseThrow().relevance())
                .as("a relevance model alone stores no types")
                .isEqualTo(new AnnotatedItem.Relevance(0.2, "m"));
    }

    @Test
    void storesBatchesLargerThanOneBulkWrite() {
        List<HarmonisedItem> batch = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            batch.add(item("https://news.example.org/" + i, "Item " + i, T0.plusSeconds(i), T0.plusSeconds(i)));
        }
        assertThat(repository.insertNew(batch)).isEqualTo(new StoreOutcome(1203, 0));
        assertThat(repository.insertNew(batch.subList(0, 700))).isEqualTo(new StoreOutcome(0, 700));
        assertThat(repository.count()).isEqualTo(1203);
    }

    @Test
    void pagesNewestFirstUsingCaptureTimeForUndatedItems() {
        HarmonisedItem oldest = item("https://x.example/1", "oldest", T0.minusSeconds(300), T0);
        HarmonisedItem undatedMiddle = undated("https://x.example/2", "undated", T0.minusSeconds(200));
        HarmonisedItem newest = item("https://x.example/3", "newest", T0.minusSeconds(100), T0);
        repository.insertNew(List.of(oldest, newest, undatedMiddle));

        assertThat(repository.page(0, 2)).extracting(HarmonisedItem::title).containsExactly("newest", "undated");
        assertThat(repository.page(1, 2)).extracting(HarmonisedItem::title).containsExactly("oldest");
        assertThat(repository.page(5, 2)).isEmpty();
    }

    private static final String ARTICLE = "Police in three countries dismantled an encrypted phone network used by"
            + " drug traffickers to coordinate cocaine shipments through the ports of Antwerp and Rotterdam.";

    private static HarmonisedItem withText(String url, String title, String text, Instant captured) {
        HarmonisedItem base = item(url, title, captured, captured);
        return new HarmonisedItem(
                base.id(),
                base.sourceId(),
                base.canonicalUrl(),
                title,
                text,
                base.language(),
                base.published(),
                captured,
                base.grading(),
                base.tlp(),
                base.handling(),
                Digests.sha256Hex(title + "\n" + text),
                base.provenance());
    }

    @Test
    void nearDuplicatesJoinOneStoryAndDoNotVanish() {
        HarmonisedItem first = withText("https://a.example/phones", "Phone network dismantled", ARTICLE, T0);
        HarmonisedItem syndicated = withText(
                "https://b.example/copy",
                "Phone network dismantled",
                ARTICLE.replace("Police", "police"),
                T0.plusSeconds(60));
        HarmonisedItem other = withText(
                "https://c.example/other",
                "Infostealer sold",
                "A new information stealer"
                        + " is sold by subscription on forums, targeting cookies, passwords and crypto wallets.",
                T0);
        repository.insertNew(List.of(first));
        assertThat(repository.insertNew(List.of(syndicated, other))).isEqualTo(new StoreOutcome(2, 0));

        assertThat(repository.count()).isEqualTo(3);
        String story = repository.findAnnotated(first.id()).orElseThrow().story();
        assertThat(story).isEqualTo(first.id().value());
        assertThat(repository.findAnnotated(syndicated.id()).orElseThrow().story())
                .isEqualTo(story);
        assertThat(repository.findAnnotated(other.id()).orElseThrow().story())
                .isEqualTo(other.id().value());
    }

    @Test
    void anEditedArticleUpdatesItsItem() {
        HarmonisedItem original = withText("https://news.example/story", "Draft title", ARTICLE, T0);
        repository.insertNew(List.of(original));
        HarmonisedItem edited = withText(
                "https://news.example/story",
                "Corrected title",
                ARTICLE + " Two suspects were released.",
                T0.plusSeconds(3600));
        assertThat(repository.insertNew(List.of(edited))).isEqualTo(new StoreOutcome(0, 1, 1));
        assertThat(repository.insertNew(List.of(edited)))
                .as("the same edit again")
                .isEqualTo(new StoreOutcome(0, 1));

        var stored = repository.findAnnotated(original.id()).orElseThrow();
        assertThat(stored.item().title()).isEqualTo("Corrected title");
        assertThat(stored.item().text()).endsWith("released.");
        assertThat(stored.item().captured()).as("first capture kept").isEqualTo(T0);
        assertThat(stored.revisions()).isEqualTo(1);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void breaksTimeTiesById() {
        List<HarmonisedItem> same = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            same.add(item("https://tie.example/" + i, "tie " + i, T0, T0));
        }
        repository.insertNew(same);
        List<String> ids =
                repository.page(0, 5).stream().map(i -> i.id().value()).toList();
        assertThat(ids).isSorted().hasSize(5);
    }

    private static AnnotatedItem annotated(HarmonisedItem item) {
        return new AnnotatedItem(item, ItemAnnotations.NONE);
    }

    @Test
    void tellsTheListenerOfItemsStoredNewOnlyNotOfMergesOrEdits() {
        HarmonisedItem a = withText("https://news.example/a", "A", ARTICLE, T0);
        HarmonisedItem b = item("https://news.example/b", "Infostealer sold", T0, T0);
        List<List<String>> told = new ArrayList<>();
        Consumer<List<AnnotatedItem>> listener =
                stored -> told.add(stored.stream().map(x -> x.item().title()).toList());

        assertThat(repository.insertAnnotated(List.of(annotated(a), annotated(b), annotated(a)), listener))
                .isEqualTo(new StoreOutcome(2, 1));
        HarmonisedItem aEdited = withText("https://news.example/a", "A corrected", ARTICLE + " Updated.", T0);
        HarmonisedItem c = item("https://news.example/c", "Drone drop", T0, T0);
        assertThat(repository.insertAnnotated(List.of(annotated(aEdited), annotated(b), annotated(c)), listener))
                .isEqualTo(new StoreOutcome(1, 2, 1));
        assertThat(repository.insertAnnotated(List.of(annotated(b)), listener)).isEqualTo(new StoreOutcome(0, 1));

        assertThat(told).containsExactly(List.of("A", "Infostealer sold"), List.of("Drone drop"));
    }

    @Test
    void readsEveryStoredItemOnceInBatches() {
        List<HarmonisedItem> batch = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            batch.add(item("https://news.example/" + i, "item " + i, T0.plusSeconds(i), T0.plusSeconds(i)));
        }
        repository.insertNew(batch);
        List<Integer> sizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long read = repository.forEachAnnotated(500, items -> {
            sizes.add(items.size());
            items.forEach(x -> seen.add(x.item().id().value()));
        });
        assertThat(read).isEqualTo(1234);
        assertThat(sizes).containsExactly(500, 500, 234);
        assertThat(seen).hasSize(1234);
        assertThat(repository.forEachAnnotated(10, items -> {})).isEqualTo(1234);
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> repository.forEachAnnotated(0, items -> {}));
    }

    private HarmonisedItem marked(String name, Tlp tlp, Handling handling) {
        HarmonisedItem base = item("https://marked.example/" + name, name, T0, T0);
        return new HarmonisedItem(
                base.id(),
                base.sourceId(),
                base.canonicalUrl(),
                base.title(),
                base.text(),
                base.language(),
                base.published(),
                base.captured(),
                base.grading(),
                tlp,
                handling,
                base.contentHash(),
                base.provenance());
    }

    @Test
    void readersSeeOnlyTheMarkingsAndHandlingCodesTheyAreClearedFor() {
        var codes = TestSources.HANDLING_CODES;
        var green = Tlp.GREEN;
        var red = Tlp.RED;
        repository.insertNew(List.of(
                marked("open", green, Handling.NONE),
                marked("h1", green, codes.parse("europol:H1")),
                marked("h3", green, codes.parse("europol:H3")),
                marked("red", red, Handling.NONE)));
        // stored before handling codes existed: no handling field at all, read as unrestricted
        HarmonisedItem legacy = marked("legacy", green, Handling.NONE);
        repository.insertNew(List.of(legacy));
        database()
                .getCollection("items")
                .updateOne(Filters.eq("_id", legacy.id().value()), Updates.unset(Markings.HANDLING));
        assertThat(repository.find(legacy.id())).contains(legacy);
        assertThat(repository
                        .find(marked("h1", green, codes.parse("europol:H1")).id())
                        .orElseThrow()
                        .handling())
                .isEqualTo(codes.parse("europol:H1"));

        var amberH1 = new Clearance(Tlp.AMBER, codes.parse("H1"));
        assertThat(repository.pageAnnotated(0, 10, amberH1, null, null))
                .extracting(i -> i.item().title())
                .containsExactlyInAnyOrder("open", "h1", "legacy");
        assertThat(repository.count(amberH1)).isEqualTo(3);
        assertThat(repository.count(Clearance.of(red))).isEqualTo(3);
        assertThat(repository.count(new Clearance(Tlp.AMBER, codes.parse("uk-3x5x2:C"))))
                .as("C (0.7) covers H1 (0.5)")
                .isEqualTo(3);
        assertThat(repository.count(Clearance.FULL)).isEqualTo(5);
        assertThat(repository.containing("h3", T0.minusSeconds(1), T0.plusSeconds(1), 10, amberH1))
                .isEmpty();
        assertThat(repository.containing(
                        "h3", T0.minusSeconds(1), T0.plusSeconds(1), 10, new Clearance(green, codes.parse("H3"))))
                .hasSize(1);
        assertThat(repository.findAnnotated(
                        List.of(marked("h3", green, codes.parse("H3")).id(), legacy.id()), amberH1))
                .extracting(i -> i.item().title())
                .containsExactly("legacy");
    }

    private static HarmonisedItem from(
            String source, String url, String title, String text, Tlp tlp, Handling handling, Instant captured) {
        var id = ItemId.forUrl(new SourceId(source), url);
        return new HarmonisedItem(
                id,
                new SourceId(source),
                url,
                title,
                text,
                "en",
                captured,
                captured,
                AdmiraltyGrade.parse("B2"),
                tlp,
                handling,
                Digests.sha256Hex(title + "\n" + text),
                new Provenance(
                        Digests.sha256Hex(source + url), URI.create("https://" + source + ".example/rss"), captured));
    }

    @Test
    void theSameUrlFromTwoSourcesIsTwoItemsEachKeepingItsMarkingAndText() {
        var red = Tlp.RED;
        var clear = Tlp.CLEAR;
        var none = Handling.NONE;
        HarmonisedItem partner = from(
                "partner",
                "https://shared.example/report",
                "Partner report",
                "Restricted partner text about a new loader.",
                red,
                none,
                T0);
        repository.insertNew(List.of(partner));
        HarmonisedItem copy = from(
                "own-feed",
                "https://shared.example/report",
                "Replaced",
                "Text an analyst's own feed serves at the same link.",
                clear,
                none,
                T0.plusSeconds(60));

        assertThat(repository.insertNew(List.of(copy))).isEqualTo(new StoreOutcome(1, 0));

        assertThat(repository.find(partner.id()))
                .as("the partner's item untouched")
                .contains(partner);
        assertThat(repository.find(copy.id())).contains(copy);
        assertThat(repository.count(Clearance.of(clear))).isEqualTo(1);
    }

    @Test
    void anEditNeverLowersAStoredMarkingOrHandlingCode() {
        var codes = TestSources.HANDLING_CODES;
        HarmonisedItem first = from(
                "partner",
                "https://p.example/1",
                "Draft",
                "Report on a new crypter service.",
                Tlp.AMBER,
                codes.parse("europol:H2"),
                T0);
        repository.insertNew(List.of(first));
        // the source was lowered to CLEAR / no handling code since; the article was then edited
        HarmonisedItem edited = from(
                "partner",
                "https://p.example/1",
                "Final",
                "Report on a new crypter service, updated.",
                Tlp.CLEAR,
                Handling.NONE,
                T0.plusSeconds(3600));

        assertThat(repository.insertNew(List.of(edited))).isEqualTo(new StoreOutcome(0, 1, 1));

        HarmonisedItem stored = repository.find(first.id()).orElseThrow();
        assertThat(stored.title()).isEqualTo("Final");
        assertThat(stored.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(stored.handling()).isEqualTo(codes.parse("europol:H2"));
        assertThat(repository.count(Clearance.of(Tlp.CLEAR))).isZero();
    }

    @Test
    void aRecaptureBySameSourceMatchesTheIdStoredBeforeIdsNamedTheirSource() {
        HarmonisedItem current =
                from("news", "https://n.example/a", "Old story", "Text.", Tlp.CLEAR, Handling.NONE, T0);
        var legacyId = ItemId.legacyForUrl("https://n.example/a");
        HarmonisedItem legacy = new HarmonisedItem(
                legacyId,
                current.sourceId(),
                current.canonicalUrl(),
                current.title(),
                current.text(),
                current.language(),
                current.published(),
                current.captured(),
                current.grading(),
                current.tlp(),
                current.handling(),
                current.contentHash(),
                current.provenance());
        repository.insertNew(List.of(legacy));

        assertThat(repository.insertNew(List.of(current)))
                .as("same source: the stored item")
                .isEqualTo(new StoreOutcome(0, 1));
        assertThat(repository.isStored(current.sourceId(), "https://n.example/a"))
                .isTrue();
        assertThat(repository.isStored(new SourceId("other"), "https://n.example/a"))
                .isFalse();
        HarmonisedItem fromOther =
                from("other", "https://n.example/a", "Old story", "Text.", Tlp.CLEAR, Handling.NONE, T0);
        assertThat(repository.insertNew(List.of(fromOther)))
                .as("another source: an item of its own")
                .isEqualTo(new StoreOutcome(1, 0));
        assertThat(repository.count()).isEqualTo(2);
    }
}
