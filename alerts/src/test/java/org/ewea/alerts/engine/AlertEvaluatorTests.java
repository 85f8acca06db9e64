package org.ewea.alerts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleType;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.harvest.HarvestOutcome;
import org.ewea.collectors.harvest.SourceHealth;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestItems;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.Candidate;
import org.ewea.scoring.terms.TermExtractor;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.warning.CountedMarkings;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.ScoreEvidence;
import org.ewea.scoring.warning.StageReading;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each rule type finds what it should in a day's scores and the sources' health, and nothing else. */
class AlertEvaluatorTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");

    private AlertEvaluator evaluator;
    private ItemRepository items;
    private SignalRepository signals;
    private TermRepository terms;

    @BeforeEach
    void create() {
        MongoDatabase db = STORE.freshDatabase();
        items = new ItemRepository(db);
        signals = new SignalRepository(
                db, new GradeWeights(METHODOLOGY.grading()), MethodologyLoader.cues(METHODOLOGY.stages()));
        terms = new TermRepository(db, new TermExtractor(METHODOLOGY.lexicon()));
        evaluator =
                new AlertEvaluator(METHODOLOGY, new ScoreEvidence(items), items, new CountedMarkings(signals, terms));
    }

    /** An item of a day, tagged drones, marked {@code tlp} with the Europol handling code {@code handling}. */
    private static AnnotatedItem drones(String url, String title, LocalDate day, Tlp tlp) {
        Instant time = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        HarmonisedItem base = TestItems.item(url, title, time, time);
        return new AnnotatedItem(
                new HarmonisedItem(
                        base.id(),
                        base.sourceId(),
                        base.canonicalUrl(),
                        base.title(),
                        base.text(),
                        base.language(),
                        time,
                        time,
                        base.grading(),
                        tlp,
                        base.handling(),
                        base.contentHash(),
                        base.provenance()),
                new ItemAnnotations(List.of(new ItemAnnotations.Tag("drones", 1, 0, "drone")), List.of(), "test"));
    }

    @Test
    void aScoreAlertIsMarkedByEveryItemItsScoreCounted() {
        // five newer CLEAR items are the evidence it cites; one older RED item was counted in its score too
        List<AnnotatedItem> stored = new ArrayList<>();
        stored.add(drones("https://red/1", "Partner report on drone drops", DAY.minusDays(20), Tlp.RED));
        for (int i = 0; i < 6; i++) {
            stored.add(drones("https://open/" + i, "Drone drops over prisons " + i, DAY.minusDays(i), Tlp.CLEAR));
        }
        items.insertAnnotated(stored);
        signals.record(stored);
        AlertRule rule = rule(RuleType.SCORE, List.of("technology"), null, 0.1, null, null, 1, null, null);
        EarlyWarningScore drones =
                score("drones", "technology", 0.2, "established", DAY.minusDays(30), "P3", 7, DAY.minusDays(90), null);

        Trigger trigger = evaluator
                .evaluate(List.of(rule), new AlertInputs(DAY, List.of(drones), List.of(), Map.of()))
                .getFirst();

        assertThat(trigger.evidence())
                .hasSize(5)
                .noneMatch(id -> id.equals(stored.getFirst().item().id().value()));
        assertThat(trigger.tlp())
                .as("marked by the RED item counted, not only by the CLEAR ones cited")
                .isEqualTo(Tlp.RED);

        // without the RED item, the same alert is CLEAR
        create();
        List<AnnotatedItem> open = stored.subList(1, stored.size());
        items.insertAnnotated(open);
        signals.record(open);
        assertThat(evaluator
                        .evaluate(List.of(rule), new AlertInputs(DAY, List.of(drones), List.of(), Map.of()))
                        .getFirst()
                        .tlp())
                .isEqualTo(Tlp.CLEAR);
    }

    private static EarlyWarningScore score(
            String series,
            String kind,
            double score,
            String stage,
            LocalDate stageSince,
            String priority,
            long evidence,
            @Nullable LocalDate firstSeen,
            @Nullable LocalDate authoritative) {
        return new EarlyWarningScore(
                series,
                kind,
                series.contains(":") ? series.substring(series.indexOf(':') + 1) : series,
                score,
                authoritative,
                new StageReading(stage, stageSince, "rule fired", Map.of()),
                priority,
                priority,
                10,
                new EarlyWarningScore.Explanation(
                        series + " summary", score, 0, Map.of(), List.of(), "3", "risk of " + series),
                evidence,
                firstSeen,
                DAY,
                "m1",
                "model-1");
    }

    private static final List<EarlyWarningScore> SCORES = List.of(
            score("voice-cloning", "technology", 0.7, "emerging", DAY.minusDays(2), "P2", 6, DAY.minusDays(40), null),
            score("drones", "technology", 0.2, "established", DAY.minusDays(30), "P3", 4, DAY.minusDays(90), null),
            score("cve:CVE-2026-1111", "cve", 1.0, "weak-signal", DAY, "P1", 2, DAY.minusDays(20), DAY.minusDays(1)),
            score(
                    "attack-group:Fangtooth",
                    "attack-group",
                    0.3,
                    "weak-signal",
                    DAY.minusDays(3),
                    "P4",
                    3,
                    DAY.minusDays(3),
                    null),
            score(
                    "attack-software:Lonely",
                    "attack-software",
                    0.3,
                    "weak-signal",
                    DAY.minusDays(3),
                    "P4",
                    1,
                    DAY.minusDays(3),
                    null));

    private List<String> subjects(AlertRule rule, List<SourceHealth> health) {
        return evaluator
                .evaluate(List.of(rule), new AlertInputs(DAY, SCORES, health, Map.of("feed-a", "Feed A")))
                .stream()
                .map(t -> t.subject().id())
                .toList();
    }

    private static AlertRule rule(
            RuleType type,
            @Nullable List<String> kinds,
            @Nullable List<String> stages,
            @Nullable Double minScore,
            @Nullable String authoritative,
            @Nullable String maxPriority,
            @Nullable Integer minEvidence,
            @Nullable List<String> watch,
            @Nullable List<String> statuses) {
        return new AlertRule(
                "r",
                "R",
                type,
                null,
                kinds,
                stages,
                7,
                minScore,
                authoritative,
                maxPriority,
                minEvidence,
                watch,
                statuses,
                2,
                null);
    }

    @Test
    void eachTypeFindsItsDevelopments() {
        assertThat(subjects(
                        rule(
                                RuleType.STAGE_TRANSITION,
                                null,
                                List.of("emerging", "established"),
                                null,
                                null,
                                null,
                                2,
                                null,
                                null),
                        List.of()))
                .containsExactly("voice-cloning");
        assertThat(subjects(rule(RuleType.SCORE, null, null, 0.5, "exclude", null, 2, null, null), List.of()))
                .containsExactly("voice-cloning");
        assertThat(subjects(rule(RuleType.SCORE, null, null, 0.99, "only", null, null, null, null), List.of()))
                .containsExactly("cve:CVE-2026-1111");
        assertThat(subjects(rule(RuleType.PRIORITY, null, null, null, null, "P2", null, null, null), List.of()))
                .containsExactly("voice-cloning", "cve:CVE-2026-1111");
        assertThat(subjects(
                        rule(
                                RuleType.EMERGENCE,
                                List.of("attack-group", "attack-software"),
                                null,
                                null,
                                null,
                                null,
                                2,
                                null,
                                null),
                        List.of()))
                .containsExactly("attack-group:Fangtooth");
        assertThat(subjects(
                        rule(
                                RuleType.WATCHLIST,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of("drones", "cve:CVE-2026-1111", "nothing-mentions-this"),
                                null),
                        List.of()))
                .containsExactly("drones", "cve:CVE-2026-1111");
    }

    private static EarlyWarningScore cve(String id, double exploitationShare, @Nullable LocalDate authoritative) {
        EarlyWarningScore s =
                score("cve:" + id, "cve", 0.1, "weak-signal", DAY, "P3", 2, DAY.minusDays(2), authoritative);
        return new EarlyWarningScore(
                s.series(),
                s.kind(),
                s.label(),
                s.score(),
                s.authoritativeSince(),
                s.stage(),
                s.priority(),
                s.priorityLabel(),
                s.riskScore(),
                new EarlyWarningScore.Explanation(
                        "summary", 0.1, 0, Map.of("exploitation-share", exploitationShare), List.of(), "3", "risk"),
                s.evidenceCount(),
                s.firstSeen(),
                s.asOf(),
                s.methodologyVersion(),
                s.modelVersion());
    }

    @Test
    void anExploitationReportAlertsOnAFocusedStatementAboutASubjectNoRecordHoldsYet() {
        AlertRule rule = rule(RuleType.EXPLOITATION_REPORT, List.of("cve"), null, null, null, null, 1, null, null);
        List<EarlyWarningScore> scores = List.of(
                cve("CVE-2026-0001", 0.5, null),
                cve("CVE-2026-0002", 0.0, null),
                cve("CVE-2026-0003", 1.0, DAY.minusDays(1)),
                score("drones", "technology", 0.9, "emerging", DAY, "P2", 5, DAY.minusDays(9), null));

        List<Trigger> triggers = evaluator.evaluate(List.of(rule), new AlertInputs(DAY, scores, List.of(), Map.of()));

        assertThat(triggers)
                .extracting(t -> t.subject().id())
                .as("stated, not yet in KEV; not a bare mention," + " not a known one, not another kind")
                .containsExactly("cve:CVE-2026-0001");
        assertThat(triggers.getFirst().title())
                .contains("exploited in the wild")
                .contains("CVE-2026-0001");
    }

    @Test
    void collectionGapsNameFailingAndSilentSources() {
        Instant now = DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<SourceHealth> health = List.of(
                new SourceHealth(
                        "feed-a",
                        SourceHealth.Status.FAILING,
                        now,
                        HarvestOutcome.FAILED,
                        null,
                        null,
                        3,
                        0,
                        null,
                        null,
                        "3 failed run(s) in a row"),
                new SourceHealth(
                        "feed-b",
                        SourceHealth.Status.FAILING,
                        now,
                        HarvestOutcome.FAILED,
                        null,
                        null,
                        1,
                        0,
                        null,
                        null,
                        "1 failed run(s) in a row"),
                new SourceHealth(
                        "feed-c",
                        SourceHealth.Status.SILENT,
                        now,
                        HarvestOutcome.NOT_MODIFIED,
                        now,
                        now,
                        0,
                        2,
                        Duration.ofHours(6),
                        Duration.ofDays(3),
                        "no new items for 3 days"),
                new SourceHealth(
                        "feed-d",
                        SourceHealth.Status.HEALTHY,
                        now,
                        HarvestOutcome.NEW_ITEMS,
                        now,
                        now,
                        0,
                        2,
                        null,
                        null,
                        "fine"));
        List<Trigger> triggers = evaluator.evaluate(
                List.of(rule(
                        RuleType.COLLECTION_GAP,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of("FAILING", "SILENT"))),
                new AlertInputs(DAY, List.of(), health, Map.of("feed-a", "Feed A")));
        assertThat(triggers).extracting(t -> t.subject().id()).containsExactly("feed-a", "feed-c");
        assertThat(triggers.getFirst().title()).isEqualTo("Collection gap: Feed A is failing");
        assertThat(triggers.get(1).facts()).containsEntry("silentFor", "PT72H");
    }

    @Test
    void disabledRulesFindNothing() {
        AlertRule off = new AlertRule(
                "off", "Off", RuleType.SCORE, false, null, null, null, 0.0, null, null, null, null, null, null, null);
        assertThat(evaluator.evaluate(List.of(off), new AlertInputs(DAY, SCORES, List.of(), Map.of())))
                .isEmpty();
    }

    private static Candidate candidate(
            String id,
            LocalDate firstSeen,
            long items,
            List<String> sources,
            List<String> darkWeb,
            boolean selfNamed,
            String status) {
        return new Candidate(
                id.toLowerCase(Locale.ROOT),
                id,
                firstSeen,
                items,
                sources.size(),
                sources,
                darkWeb,
                selfNamed,
                1,
                sources.size() * Math.log1p(items),
                status,
                null,
                DAY,
                List.of());
    }

    @Test
    void novelTermRulesAlertOnNewCandidatesOnly() {
        List<Candidate> candidates = List.of(
                candidate("Nightmoth", DAY.minusDays(1), 1, List.of("portal"), List.of("portal"), true, "NEW"),
                candidate("PaleHeron", DAY.minusDays(3), 4, List.of("a", "b"), List.of(), false, "NEW"),
                candidate("OldNews", DAY.minusDays(20), 9, List.of("a", "b"), List.of(), false, "NEW"),
                candidate("Accepted", DAY, 3, List.of("a", "b"), List.of(), false, "ACCEPTED"));
        AlertRule rule = rule(RuleType.NOVEL_TERM, null, null, null, null, null, 1, null, null);
        List<Trigger> triggers =
                evaluator.evaluate(List.of(rule), new AlertInputs(DAY, List.of(), List.of(), Map.of(), candidates));
        assertThat(triggers).extracting(t -> t.subject().id()).containsExactly("nightmoth", "paleheron");
        assertThat(triggers.getFirst().subject().kind()).isEqualTo("novel-term");
        assertThat(triggers.getFirst().title())
                .isEqualTo("New name: Nightmoth (speaks for itself on a dark-web" + " source)");
        assertThat(triggers.getFirst().facts())
                .containsEntry("darkWebSources", "portal")
                .containsEntry("selfNamed", "true");
        assertThat(triggers.get(1).title()).isEqualTo("New name: PaleHeron (4 item(s) from 2 sources)");
        assertThat(evaluator.evaluate(
                        List.of(rule(RuleType.NOVEL_TERM, null, null, null, null, null, 2, null, null)),
                        new AlertInputs(DAY, List.of(), List.of(), Map.of(), candidates)))
                .extracting(t -> t.subject().id())
                .as("minEvidence counts items")
                .containsExactly("paleheron");
        assertThat(evaluator.evaluate(
                        List.of(rule(RuleType.NOVEL_TERM, List.of("dark-web"), null, null, null, null, 1, null, null)),
                        new AlertInputs(DAY, List.of(), List.of(), Map.of(), candidates)))
                .extracting(t -> t.subject().id())
                .as("dark-web evidence only")
                .containsExactly("nightmoth");
    }

    @Test
    void aNovelTermAlertIsMarkedByEveryItemItsCountsRead() {
        List<AnnotatedItem> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(drones("https://open/g" + i, "Notes on GreyLantern " + i, DAY.minusDays(i), Tlp.CLEAR));
        }
        AnnotatedItem red = drones("https://red/g", "Partner report on GreyLantern", DAY.minusDays(1), Tlp.RED);
        items.insertAnnotated(open);
        terms.record(open);
        AlertRule rule = rule(RuleType.NOVEL_TERM, null, null, null, null, null, 1, null, null);
        List<Candidate> candidate =
                List.of(candidate("GreyLantern", DAY.minusDays(2), 3, List.of("a", "b"), List.of(), false, "NEW"));
        assertThat(evaluator
                        .evaluate(List.of(rule), new AlertInputs(DAY, List.of(), List.of(), Map.of(), candidate))
                        .getFirst()
                        .tlp())
                .isEqualTo(Tlp.CLEAR);

        // a RED item counted for the term (whether or not a search finds it) marks the alert RED
        terms.record(List.of(red));
        assertThat(evaluator
                        .evaluate(List.of(rule), new AlertInputs(DAY, List.of(), List.of(), Map.of(), candidate))
                        .getFirst()
                        .tlp())
                .isEqualTo(Tlp.RED);
    }
}
