package org.ewea.api.exercise;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ewea.alerts.AlertsModule;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.digest.DigestRepository;
import org.ewea.alerts.digest.DigestService;
import org.ewea.alerts.engine.AlertEngine;
import org.ewea.alerts.engine.AlertInputs;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lifecycle.AlertLifecycle;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleType;
import org.ewea.api.alerts.AlertReads;
import org.ewea.collectors.CollectorsModule;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.harvest.HarvestRunRepository;
import org.ewea.collectors.harvest.SourceStateRepository;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.replay.ReplayClock;
import org.ewea.collectors.search.ItemIndex;
import org.ewea.collectors.search.SearchAnalyzers;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.ScoringModule;

/**
 * The service's real pipeline built over one exercise's own database and clocks, so nothing of the live service is
 * read or written: the same three module assemblies the service makes ({@link CollectorsModule#over},
 * {@link ScoringModule#over}, {@link AlertsModule#over}) with the same settings, plus a search index of the
 * exercise's items kept in memory (rebuilt from the exercise's database when the exercise is loaded). The replay
 * clock (the time of the event being replayed) drives the pipeline; the exercise clock (the simulated "now") stamps
 * participants' decisions. The scoring models are the shipped ones: an exercise never reads the live registries.
 *
 * @param database the exercise's database
 * @param replay the pipeline's clock
 * @param collectors capture processing and the item stores
 * @param scoring signals, terms, relevance and scores
 * @param alerting alerts, early actions, the rule engine, the lifecycle and the digests
 * @param index the exercise's items, searchable
 */
record ExercisePipeline(
        MongoDatabase database,
        ReplayClock replay,
        CollectorsModule collectors,
        ScoringModule scoring,
        AlertsModule alerting,
        ItemIndex index)
        implements AutoCloseable {

    /** The id of the rule made from an exercise's watchlist. */
    static final String WATCHLIST = "exercise-watchlist";

    /**
     * Raw captures of a replayed recording are as old as the recording, and are kept for the exercise's life (the
     * service's retention would date them expired on arrival).
     */
    static final Duration RECORDED_RETENTION = Duration.ofDays(36_500);

    /**
     * What every exercise pipeline shares with the service: the module settings the service is configured with, and
     * the read-only parts that are costly to build.
     */
    record Shared(
            Methodology methodology,
            Annotator annotator,
            LanguageDetector languages,
            CollectorsModule.Settings collectorsSettings,
            ScoringModule.Settings scoringSettings,
            ScoringModule.Shared scoringParts,
            AlertsModule.Settings alertsSettings,
            SearchAnalyzers analyzers) {}

    /**
     * Builds the pipeline over {@code database}.
     *
     * @param sourceTitles the replayed sources' titles by id (for collection-gap alerts)
     * @param darkWebSources the replayed sources that are dark-web sources
     * @param watch the exercise's watchlist terms (a watchlist rule of their own when there are any)
     * @param simulatedNow the exercise clock
     */
    static ExercisePipeline over(
            MongoDatabase database,
            ReplayClock replay,
            Shared shared,
            Map<String, String> sourceTitles,
            Set<String> darkWebSources,
            List<String> watch,
            InstantSource simulatedNow) {
        CollectorsModule collectors = CollectorsModule.over(
                database,
                replay,
                new CollectorsModule.Settings(
                        RECORDED_RETENTION, shared.collectorsSettings().silentFactor()),
                shared.annotator(),
                shared.languages());
        Function<Set<String>, Set<String>> darkWeb =
                ids -> ids.stream().filter(darkWebSources::contains).collect(Collectors.toSet());
        ScoringModule scoring = ScoringModule.over(
                database, replay, shared.scoringSettings(), shared.scoringParts(), collectors, darkWeb);
        Map<String, String> titles = new LinkedHashMap<>(sourceTitles);
        Supplier<AlertInputs.Sources> sources = () -> new AlertInputs.Sources(
                titles.keySet().stream()
                        .filter(id -> collectors.states().find(id).lastRun() != null)
                        .map(collectors.health()::assess)
                        .toList(),
                titles);
        List<AlertRule> rules = new ArrayList<>(shared.alertsSettings().rules());
        if (!watch.isEmpty()) {
            rules.add(new AlertRule(
                    WATCHLIST,
                    "Exercise watchlist",
                    RuleType.WATCHLIST,
                    true,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    1,
                    watch,
                    null,
                    null,
                    Duration.ofDays(2)));
        }
        AlertsModule alerting = AlertsModule.over(
                database,
                new AlertsModule.Clocks(replay, simulatedNow),
                new AlertsModule.Settings(rules, shared.alertsSettings().digests()),
                shared.methodology(),
                collectors,
                scoring,
                sources);
        Methodology methodology = shared.methodology();
        ItemIndex index = ItemIndex.inMemory(shared.analyzers(), methodology.lexicon(), methodology.taxonomy());
        index.rebuild(collectors.items());
        collectors.whenItemsStored(index::index);
        return new ExercisePipeline(database, replay, collectors, scoring, alerting, index);
    }

    ItemRepository items() {
        return collectors.items();
    }

    CaptureProcessor processor() {
        return collectors.processor();
    }

    /** Harvest runs of the replayed sources (source health for the collection-gap rule). */
    HarvestRunRepository runs() {
        return collectors.runs();
    }

    SourceStateRepository states() {
        return collectors.states();
    }

    AlertRepository alerts() {
        return alerting.alerts();
    }

    AlertEventLog events() {
        return alerting.events();
    }

    ActionRepository actions() {
        return alerting.actions();
    }

    AlertEngine engine() {
        return alerting.engine();
    }

    /** Participants' alert transitions, stamped with the exercise clock. */
    AlertLifecycle lifecycle() {
        return alerting.lifecycle();
    }

    DigestService digests() {
        return alerting.digests();
    }

    DigestRepository archive() {
        return alerting.archive();
    }

    /** The exercise's alerts as their readers may see them (the service's one reading rule). */
    AlertReads reads() {
        return new AlertReads(alerting.alerts(), collectors.items(), alerting.actions());
    }

    @Override
    public void close() {
        index.close();
    }
}
