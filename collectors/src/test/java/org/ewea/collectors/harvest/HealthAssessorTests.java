package org.ewea.collectors.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A source's health tells a harvest that never ran from one that started and never recorded its end. */
class HealthAssessorTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aHarvestThatStartedAndNeverEndedIsUnfinishedNotNeverRun() {
        MongoDatabase db = STORE.freshDatabase();
        SourceStateRepository states = new SourceStateRepository(db);
        HarvestRunRepository runs = new HarvestRunRepository(db);
        HealthAssessor health = new HealthAssessor(runs, states, () -> T.plusSeconds(600), 3.0);
        assertThat(health.assess("feed").status()).isEqualTo(SourceHealth.Status.NEVER_RUN);

        // the process died during the harvest: it started, stored items, never recorded its run
        states.markStarted("feed", T);
        SourceHealth killed = health.assess("feed");
        assertThat(killed.status()).isEqualTo(SourceHealth.Status.UNFINISHED);
        assertThat(killed.explanation())
                .contains("started 2026-12-04T10:00:00Z")
                .contains("stopped during it");

        // the next harvest ends and records its run: the marker goes with it
        states.markStarted("feed", T.plusSeconds(60));
        HarvestRun run = new HarvestRun(
                "r1",
                "feed",
                T.plusSeconds(60),
                T.plusSeconds(70),
                HarvestOutcome.NEW_ITEMS,
                null,
                "ok",
                200,
                1,
                100,
                null,
                2,
                2,
                0,
                0);
        runs.insert(run);
        states.save(states.find("feed").after(run, null, null));
        assertThat(health.assess("feed").status()).isEqualTo(SourceHealth.Status.HEALTHY);
        assertThat(states.unfinished("feed")).isEmpty();
    }
}
