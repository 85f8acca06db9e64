package org.ewea.collectors.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.ewea.collectors.source.Source;
import org.ewea.collectors.source.SourceSpec;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.SourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchedulingTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static Source source(String id, String cron, boolean enabled) {
        return TestSources.validator()
                .validate(
                        new SourceSpec(
                                id,
                                "feed",
                                null,
                                "https://" + id + ".example/rss",
                                null,
                                cron,
                                null,
                                null,
                                null,
                                null,
                                null,
                                enabled,
                                false),
                        Instant.now());
    }

    @Test
    void aSourceRunsOnOneInstanceAtATime() throws Exception {
        MongoDatabase shared = STORE.freshDatabase();
        SourceLock first = new SourceLock(shared, InstantSource.system());
        SourceLock second = new SourceLock(shared, InstantSource.system());
        SourceId id = new SourceId("locked-source");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> running = CompletableFuture.supplyAsync(() -> first.runNow(id, () -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second.runNow(id, () -> "second"))
                .as("the other instance gets nothing")
                .isEmpty();
        assertThat(second.runNow(new SourceId("other-source"), () -> "other")).contains("other");
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).contains("first");
    }

    @Test
    void aLockLeftByADeadProcessIsReleasedAtStart() {
        MongoDatabase shared = STORE.freshDatabase();
        // a harvest that died holding its lock: the row says held for another 29 minutes
        // (ShedLock compares lock times with the system clock)
        Instant now = Instant.now();
        shared.getCollection(SourceLock.COLLECTION)
                .insertOne(new Document("_id", "harvest-dead-source")
                        .append("lockUntil", Date.from(now.plusSeconds(29 * 60)))
                        .append("lockedAt", Date.from(now.minusSeconds(60)))
                        .append("lockedBy", "old-process"));
        shared.getCollection(SourceLock.COLLECTION)
                .insertOne(new Document("_id", "harvest-done-source")
                        .append("lockUntil", Date.from(now.minusSeconds(600)))
                        .append("lockedAt", Date.from(now.minusSeconds(700)))
                        .append("lockedBy", "old-process"));
        SourceLock restarted = new SourceLock(shared, InstantSource.system());
        SourceId id = new SourceId("dead-source");
        assertThat(restarted.runNow(id, () -> "ran"))
                .as("still held by the dead process")
                .isEmpty();

        assertThat(restarted.releaseLeftByADeadProcess()).containsExactly("harvest-dead-source");

        assertThat(restarted.runNow(id, () -> "ran")).contains("ran");
        assertThat(restarted.releaseLeftByADeadProcess()).isEmpty();
    }

    @Test
    void firesEnabledSourcesByTheirCronAndFollowsChanges() throws Exception {
        List<String> fired = new CopyOnWriteArrayList<>();
        CountDownLatch everySecond = new CountDownLatch(2);
        Source fast = source("fast", "* * * * * ?", true);
        Source disabled = source("disabled", "* * * * * ?", false);
        try (HarvestScheduler scheduler = new HarvestScheduler(
                2,
                id -> {
                    fired.add(id.value());
                    if (id.value().equals("fast")) {
                        everySecond.countDown();
                    }
                },
                () -> List.of(fast, disabled),
                Duration.ofHours(1))) {
            scheduler.start();
            assertThat(scheduler.scheduled()).containsOnlyKeys("fast");
            assertThat(everySecond.await(15, TimeUnit.SECONDS))
                    .as("fired twice within 15 s")
                    .isTrue();
            assertThat(fired).doesNotContain("disabled");

            scheduler.schedule(source("fast", "0 0 3 * * ?", true));
            assertThat(scheduler.scheduled().get("fast")).isAfter(new Date());
            scheduler.sync(List.of(source("hourly", "0 0 * * * ?", true)));
            assertThat(scheduler.scheduled()).containsOnlyKeys("hourly");
            scheduler.schedule(source("hourly", "0 0 * * * ?", false));
            assertThat(scheduler.scheduled()).isEmpty();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
