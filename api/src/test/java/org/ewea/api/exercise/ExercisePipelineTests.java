package org.ewea.api.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewea.alerts.AlertsModule;
import org.ewea.alerts.digest.DigestSchedule;
import org.ewea.alerts.rule.AlertRuleFile;
import org.ewea.alerts.rule.AlertRuleValidator;
import org.ewea.collectors.CollectorsModule;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.enrich.EntityExtractor;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.replay.ReplayClock;
import org.ewea.collectors.search.SearchAnalyzers;
import org.ewea.collectors.search.SearchQuery;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.ScoringModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exercise's pipeline is the service's three module assemblies over the exercise's database, with the service's
 * settings: its items are searchable in the exercise, and its digests come by the configured schedule in simulated
 * time.
 */
class ExercisePipelineTests {

    private static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
    private static final Instant END = Instant.parse("2025-03-20T00:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private Methodology methodology;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        methodology = new MethodologyLoader().load(null);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private ExercisePipeline.Shared shared(DigestSchedule digests) {
        return new ExercisePipeline.Shared(
                methodology,
                new Annotator(methodology.lexicon(), methodology.versionId(), new EntityExtractor(AttackNames.none())),
                LanguageDetector.NONE,
                new CollectorsModule.Settings(Duration.ofDays(365), 3),
                new ScoringModule.Settings(Set.of("cisa-kev")),
                ScoringModule.Shared.shipped(methodology, null),
                new AlertsModule.Settings(new AlertRuleFile(new AlertRuleValidator(methodology)).read(null), digests),
                new SearchAnalyzers(methodology.taxonomy()));
    }

    private static ExerciseDefinition definition(List<ExerciseDefinition.Inject> injects) {
        return new ExerciseDefinition(
                "pipeline-test",
                "Pipeline test",
                null,
                List.of(),
                START,
                END,
                1000.0,
                Duration.ofDays(1),
                List.of(),
                List.of(),
                injects,
                List.of());
    }

    @Test
    void theExercisesItemsAreSearchableInTheExerciseWithTheLexiconsSynonyms() {
        ReplayClock replay = new ReplayClock(START);
        ExercisePipeline pipeline = ExercisePipeline.over(
                client.getDatabase("exercise_search"),
                replay,
                shared(DigestSchedule.weekly("0 0 7 ? * MON", ZoneId.of("UTC"))),
                Map.of(),
                Set.of(),
                List.of(),
                replay);
        ExerciseRecords records = new ExerciseRecords(pipeline.database());
        ExerciseRun run = new ExerciseRun(
                "pipeline-test",
                definition(List.of(new ExerciseDefinition.Inject(
                        Instant.parse("2025-03-05T09:00:00Z"),
                        "tip",
                        "Bank call centre fraud",
                        "Callers used Stimmklonen to pass as the customer's manager.",
                        null,
                        "B2",
                        "GREEN",
                        null,
                        null))),
                List.of(),
                pipeline,
                records,
                methodology.grading().handlingCodes(),
                START);

        assertThat(pipeline.index()
                        .search(query("voice cloning", Clearance.FULL))
                        .total())
                .isZero();
        run.advanceTo(END);

        var found = pipeline.index().search(query("voice cloning", Clearance.FULL));
        assertThat(found.total())
                .as("the German word reached through the lexicon")
                .isEqualTo(1);
        assertThat(pipeline.items()
                        .findAnnotated(found.ids().stream().map(ItemId::new).toList(), Clearance.FULL))
                .singleElement()
                .satisfies(item -> assertThat(item.item().title()).isEqualTo("Bank call centre fraud"));
        Clearance clear = new Clearance(Tlp.CLEAR, Clearance.FULL.handling());
        assertThat(pipeline.index().search(query("voice cloning", clear)).total())
                .as("a reader cleared for TLP:CLEAR only does not find the GREEN tip")
                .isZero();

        ExercisePipeline reloaded = ExercisePipeline.over(
                pipeline.database(),
                new ReplayClock(END),
                shared(DigestSchedule.weekly("0 0 7 ? * MON", ZoneId.of("UTC"))),
                Map.of(),
                Set.of(),
                List.of(),
                replay);
        assertThat(reloaded.index()
                        .search(query("voice cloning", Clearance.FULL))
                        .total())
                .as("a resumed exercise's index is rebuilt from its database")
                .isEqualTo(1);
        pipeline.close();
        reloaded.close();
    }

    @Test
    void digestsAreMadeByTheConfiguredScheduleInSimulatedTime() {
        ReplayClock replay = new ReplayClock(START);
        DigestSchedule wednesdays =
                new DigestSchedule("0 0 6 ? * WED", ZoneId.of("Europe/Berlin"), List.of("analyst", "policy"));
        ExercisePipeline pipeline = ExercisePipeline.over(
                client.getDatabase("exercise_digests"),
                replay,
                shared(wednesdays),
                Map.of(),
                Set.of(),
                List.of(),
                replay);
        ExerciseRecords records = new ExerciseRecords(pipeline.database());
        new ExerciseRun(
                        "pipeline-test",
                        definition(List.of()),
                        List.of(),
                        pipeline,
                        records,
                        methodology.grading().handlingCodes(),
                        START)
                .advanceTo(END);

        List<ExerciseRecords.LogLine> digests = records.log(1000, Clearance.FULL).stream()
                .filter(line -> line.kind().equals("digest"))
                .toList();
        assertThat(digests)
                .extracting(ExerciseRecords.LogLine::at)
                .containsExactlyInAnyOrder(
                        Instant.parse("2025-03-05T05:00:00Z"),
                        Instant.parse("2025-03-12T05:00:00Z"),
                        Instant.parse("2025-03-19T05:00:00Z"));
        assertThat(digests.stream()
                        .map(ExerciseRecords.LogLine::detail)
                        .toList()
                        .toString())
                .as("the schedule's audiences")
                .contains("weekly-analyst-", "weekly-policy-")
                .doesNotContain("trainer");
        pipeline.close();
    }

    private static SearchQuery query(String text, Clearance clearance) {
        return new SearchQuery(text, null, null, null, null, null, null, null, clearance, 0, 20);
    }
}
