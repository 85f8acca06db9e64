package org.ewea.collectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewea.collectors.testing.FeedServer.respond;

import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.ewea.collectors.fetch.FailureReason;
import org.ewea.collectors.fetch.FetchSettings;
import org.ewea.collectors.fetch.HttpFetcher;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceSpec;
import org.ewea.collectors.store.ImportLedger;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.FeedServer;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.collectors.testing.TestSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever processing a capture does, a harvest answers with a run, and that run is recorded. */
class HarvestFailureTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item>"
            + "<title>One</title><link>https://f.example/1</link><description>text</description></item>"
            + "</channel></rss>";

    @Test
    void aFailureWhileProcessingIsAFailedRunThatIsRecorded() throws Exception {
        MongoDatabase database = STORE.freshDatabase();
        ItemRepository items = new ItemRepository(database);
        HarvestRunRepository runs = new HarvestRunRepository(database);
        CaptureProcessor failing = new CaptureProcessor(items, TestAnnotators.defaults(), capture -> {
            throw new StackOverflowError("a hostile body");
        });
        try (FeedServer server = new FeedServer();
                HttpFetcher fetcher = new HttpFetcher(
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
                        RandomGenerator.getDefault())) {
            server.on("/rss", ex -> respond(ex, 200, "application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8)));
            Source source = TestSources.validator()
                    .validate(
                            new SourceSpec(
                                    "hostile",
                                    "feed",
                                    null,
                                    server.url("/rss").toString(),
                                    null,
                                    null,
                                    "en",
                                    null,
                                    null,
                                    null,
                                    null,
                                    true,
                                    true,
                                    null),
                            Instant.now());
            Harvester harvester = new Harvester(
                    fetcher,
                    failing,
                    new ImportLedger(database),
                    runs,
                    new SourceStateRepository(database),
                    InstantSource.system());

            HarvestRun run = harvester.harvest(source);

            assertThat(run.outcome()).isEqualTo(HarvestOutcome.FAILED);
            assertThat(run.failure()).isEqualTo(FailureReason.PROCESSING);
            assertThat(run.detail()).contains("a hostile body");
            assertThat(runs.page("hostile", 0, 10)).extracting(HarvestRun::id).containsExactly(run.id());
        }
    }
}
