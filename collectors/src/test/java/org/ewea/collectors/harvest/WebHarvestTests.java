package org.ewea.collectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewea.collectors.testing.FeedServer.respond;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.random.RandomGenerator;
import org.assertj.core.api.Assertions;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.fetch.FetchSettings;
import org.ewea.collectors.fetch.HttpFetcher;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.source.InvalidSourceException;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceSpec;
import org.ewea.collectors.store.ImportLedger;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.FeedServer;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.ItemId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebHarvestTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static HttpFetcher fetcher() {
        return new HttpFetcher(
                new FetchSettings(
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        1_000_000,
                        100,
                        5,
                        Duration.ZERO,
                        1,
                        Duration.ZERO,
                        "test"),
                InstantSource.system(),
                d -> {},
                RandomGenerator.getDefault());
    }

    private static Harvester harvester(MongoDatabase database, ItemRepository items, HttpFetcher fetcher) {
        return new Harvester(
                fetcher,
                new CaptureProcessor(items, TestAnnotators.defaults()),
                new ImportLedger(database),
                new HarvestRunRepository(database),
                new SourceStateRepository(database),
                InstantSource.system());
    }

    private static byte[] page(String posts, String next) {
        return ("<html><body><h1>Forum</h1>" + posts
                        + (next == null ? "" : "<a class='next' href='" + next + "'>next</a>")
                        + "<script>steal()</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String post(String title, String link, String date, String body) {
        return "<div class='post'><h2>" + title + "</h2><a class='permalink' href='" + link + "'>#</a><time datetime='"
                + date + "'>x</time><div class='content'>" + body + "</div></div>";
    }

    @Test
    void readsEntriesWithTheSiteProfileAcrossPages() throws Exception {
        MongoDatabase database = STORE.freshDatabase();
        ItemRepository items = new ItemRepository(database);
        try (FeedServer server = new FeedServer();
                HttpFetcher fetcher = fetcher()) {
            server.on(
                    "/forum/page1",
                    ex -> respond(
                            ex,
                            200,
                            "text/html",
                            page(
                                    post(
                                                    "Selling fresh fullz",
                                                    "/thread/1",
                                                    "2026-01-10T08:00:00Z",
                                                    "Cards <b>with</b> CVV" + "<img src=x onerror=alert(1)>")
                                            + post(
                                                    "Crypter FUD service",
                                                    "/thread/2",
                                                    "Sat, 10 Jan 2026 09:00:00 GMT",
                                                    "Fully undetectable"),
                                    "/forum/page2")));
            server.on(
                    "/forum/page2",
                    ex -> respond(
                            ex,
                            200,
                            "text/html",
                            page(
                                    post(
                                            "Drone delivery to prisons",
                                            "https://other.example/t/3",
                                            "2026-01-09",
                                            "Payloads up to 2 kg"),
                                    "/forum/page1")));
            Source source = TestSources.validator()
                    .validate(
                            new SourceSpec(
                                    "test-forum-source",
                                    "web",
                                    "Forum",
                                    server.url("/forum/page1").toString(),
                                    null,
                                    null,
                                    "en",
                                    "D4",
                                    "AMBER",
                                    null,
                                    null,
                                    true,
                                    true,
                                    "test-forum"),
                            Instant.now());
            Harvester harvester = harvester(database, items, fetcher);

            HarvestRun run = harvester.harvest(source);

            assertThat(run.outcome()).isEqualTo(HarvestOutcome.NEW_ITEMS);
            assertThat(run.input()).isEqualTo(3);
            assertThat(run.stored()).isEqualTo(3);
            assertThat(server.seen()).extracting(FeedServer.Seen::path).containsExactly("/forum/page1", "/forum/page2");
            List<AnnotatedItem> stored = items.pageAnnotated(0, 10);
            assertThat(stored)
                    .extracting(a -> a.item().canonicalUrl())
                    .containsExactlyInAnyOrder(
                            server.url("/thread/1").toString(),
                            server.url("/thread/2").toString(),
                            "https://other.example/t/3");
            AnnotatedItem fullz = stored.stream()
                    .filter(a -> a.item().title().equals("Selling fresh fullz"))
                    .findFirst()
                    .orElseThrow();
            assertThat(fullz.item().text()).isEqualTo("Cards with CVV");
            assertThat(fullz.item().published()).isEqualTo(Instant.parse("2026-01-10T08:00:00Z"));
            assertThat(fullz.item().grading().code()).isEqualTo("D4");
            assertThat(fullz.annotations().tags())
                    .extracting(t -> t.technology())
                    .contains("carding");
            assertThat(stored)
                    .extracting(a -> a.item().published())
                    .contains(Instant.parse("2026-01-10T09:00:00Z"), Instant.parse("2026-01-09T00:00:00Z"));
        }
    }

    @Test
    void followsEntriesToTheirOwnPagesWithinTheBudget() throws Exception {
        MongoDatabase database = STORE.freshDatabase();
        ItemRepository items = new ItemRepository(database);
        try (FeedServer server = new FeedServer();
                HttpFetcher fetcher = fetcher()) {
            server.on(
                    "/threads",
                    ex -> respond(
                            ex,
                            200,
                            "text/html",
                            ("<ul>"
                                            + "<li class='thread'><a href='/thread/1'>Selling wallet drainer kit</a></li>"
                                            + "<li class='thread'><a href='/thread/2'>Untitled</a></li>"
                                            + "<li class='thread'><a href='/thread/3'>Deleted thread</a></li>"
                                            + "<li class='thread'><span>no link</span></li></ul>")
                                    .getBytes(StandardCharsets.UTF_8)));
            server.on(
                    "/thread/1",
                    ex -> respond(
                            ex,
                            200,
                            "text/html",
                            ("<h1>Wallet drainer kit for sale</h1>"
                                            + "<time datetime='2026-01-12T10:00:00Z'></time><div class='post-body'>Drainer-as-a-service,"
                                            + " 20% fee.</div>")
                                    .getBytes(StandardCharsets.UTF_8)));
            server.on(
                    "/thread/2",
                    ex -> respond(
                            ex,
                            200,
                            "text/html",
                            "<div class='post-body'>A post without a title of its own.</div>"
                                    .getBytes(StandardCharsets.UTF_8)));
            server.on("/thread/3", ex -> respond(ex, 404, "text/plain", "gone".getBytes(StandardCharsets.UTF_8)));
            Source source = TestSources.validator()
                    .validate(
                            new SourceSpec(
                                    "detail-forum",
                                    "web",
                                    null,
                                    server.url("/threads").toString(),
                                    null,
                                    null,
                                    "en",
                                    null,
                                    null,
                                    null,
                                    null,
                                    true,
                                    true,
                                    "test-forum-detail"),
                            Instant.now());
            Harvester harvester = harvester(database, items, fetcher);

            HarvestRun first = harvester.harvest(source);
            assertThat(first.input()).isEqualTo(4);
            assertThat(first.stored()).isEqualTo(2);
            assertThat(first.rejected()).isEqualTo(2);
            var drainer = items.findAnnotated(
                            ItemId.forUrl(source.id(), server.url("/thread/1").toString()))
                    .orElseThrow();
            assertThat(drainer.item().title()).isEqualTo("Wallet drainer kit for sale");
            assertThat(drainer.item().text()).isEqualTo("Drainer-as-a-service, 20% fee.");
            assertThat(drainer.item().published()).isEqualTo(Instant.parse("2026-01-12T10:00:00Z"));
            assertThat(items.findAnnotated(ItemId.forUrl(
                                    source.id(), server.url("/thread/2").toString()))
                            .orElseThrow()
                            .item()
                            .title())
                    .isEqualTo("Untitled");

            HarvestRun second = harvester.harvest(source);
            assertThat(second.merged())
                    .as("stored entries are not fetched again")
                    .isEqualTo(2);
            assertThat(second.stored()).isZero();
            assertThat(server.seen().stream()
                            .filter(s -> s.path().equals("/thread/1"))
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void webSourcesNeedAnHtmlProfile() {
        InvalidSourceException missing = Assertions.catchThrowableOfType(
                InvalidSourceException.class,
                () -> TestSources.validator()
                        .validate(
                                new SourceSpec(
                                        "w",
                                        "web",
                                        null,
                                        "https://forum.example/",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                Instant.now()));
        assertThat(missing.errors()).containsKey("profile");
        InvalidSourceException wrong = Assertions.catchThrowableOfType(
                InvalidSourceException.class,
                () -> TestSources.validator()
                        .validate(
                                new SourceSpec(
                                        "w",
                                        "web",
                                        null,
                                        "https://forum.example/",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "ransomchats"),
                                Instant.now()));
        assertThat(wrong.errors().get("profile")).contains("html profile");
    }
}
