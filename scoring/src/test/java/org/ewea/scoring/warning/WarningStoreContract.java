package org.ewea.scoring.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.testing.TestItems;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalRepository;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The model registry and the scorer on every MongoDB they must run on. Subclasses say which. */
abstract class WarningStoreContract {

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected abstract MongoDatabase database();

    private static WarningModelFile file(String id, Instant created, boolean approved, double cueWeight) {
        int p = WarningFeatures.FEATURES.size();
        double[] coefficients = new double[p];
        coefficients[WarningFeatures.names().indexOf("exploitation-share")] = cueWeight;
        double[] ones = new double[p];
        Arrays.fill(ones, 1);
        return new WarningModelFile(
                id,
                created,
                42,
                LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-06-30"),
                LocalDate.parse("2025-12-31"),
                90,
                "test labels",
                "test data",
                100,
                10,
                Map.of("cv-pr-auc", 0.5),
                METHODOLOGY.versionId(),
                approved,
                new WarningModel(WarningFeatures.names(), new double[p], ones, coefficients, -2));
    }

    private static AnnotatedItem item(
            String url, String title, String source, Instant time, List<String> tags, List<String> cves) {
        HarmonisedItem base = TestItems.item(url, title, time, time);
        HarmonisedItem item = new HarmonisedItem(
                base.id(),
                new SourceId(source),
                base.canonicalUrl(),
                base.title(),
                base.text(),
                base.language(),
                time,
                time,
                AdmiraltyGrade.parse("B2"),
                base.tlp(),
                base.handling(),
                base.contentHash(),
                base.provenance());
        return new AnnotatedItem(
                item,
                new ItemAnnotations(
                        tags.stream()
                                .map(t -> new ItemAnnotations.Tag(t, 1, 0, t))
                                .toList(),
                        cves.stream()
                                .map(c -> new ItemAnnotations.Entity("cve", c, 1, c))
                                .toList(),
                        "test"));
    }

    @Test
    void theRegistryServesTheLatestApprovedModelElseTheShippedOne() {
        ModelRegistry registry = new ModelRegistry(database(), JSON);
        registry.ensureIndexes();
        WarningModelFile shipped = ModelRegistry.shipped(JSON);
        assertThat(shipped.approved()).isTrue();
        assertThat(shipped.model().features()).isEqualTo(WarningFeatures.names());
        assertThat(registry.current().id()).isEqualTo(shipped.id());

        registry.save(file("m1", Instant.parse("2026-01-01T00:00:00Z"), true, 1));
        registry.save(file("m2", Instant.parse("2026-02-01T00:00:00Z"), false, 2));
        assertThat(registry.current().id()).as("m2 is newer but not approved").isEqualTo("m1");
        registry.save(registry.find("m2").orElseThrow().approve());
        assertThat(registry.current().id()).isEqualTo("m2");
        assertThat(registry.all()).extracting(WarningModelFile::id).containsExactly("m2", "m1", shipped.id());

        WarningModelFile read = registry.find("m1").orElseThrow();
        assertThat(read.model().coefficients())
                .containsExactly(file("m1", Instant.EPOCH, true, 1).model().coefficients());
        assertThat(read.metrics()).containsEntry("cv-pr-auc", 0.5);
        assertThat(read.trainedTo()).isEqualTo(LocalDate.parse("2025-06-30"));
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void trainsFromTheInstallsOwnSignalWithAuthoritativeSourcesAsLabels() {
        MongoDatabase db = database();
        SignalRepository signals = new SignalRepository(
                db, new GradeWeights(METHODOLOGY.grading()), MethodologyLoader.cues(METHODOLOGY.stages()));
        Instant start = Instant.parse("2025-01-06T10:00:00Z");
        List<AnnotatedItem> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String cve = "CVE-2025-" + (1000 + i);
            boolean exploited = i % 4 == 0;
            Instant mentioned = start.plusSeconds(86_400L * i);
            items.add(item(
                    "https://n/" + i,
                    cve + (exploited ? " exploited in the wild" : " patched"),
                    "news" + i % 3,
                    mentioned,
                    List.of(),
                    List.of(cve)));
            if (exploited) {
                items.add(item(
                        "https://kev/" + i,
                        "Added " + cve,
                        "kev",
                        mentioned.plusSeconds(86_400L * 10),
                        List.of(),
                        List.of(cve)));
            }
            if (i == 1) {
                items.add(item(
                        "https://kev/late",
                        "Added " + cve,
                        "kev",
                        mentioned.plusSeconds(86_400L * 200),
                        List.of(),
                        List.of(cve)));
            }
        }
        for (int d = 0; d < 60; d++) {
            items.add(item(
                    "https://n/other" + d,
                    "Other news",
                    "news" + d % 3,
                    start.plusSeconds(86_400L * d),
                    List.of(),
                    List.of()));
        }
        signals.record(items);
        ModelTraining training = new ModelTraining(
                signals, METHODOLOGY, BurstDetector.defaults(), WarningTrainer.defaults(), Set.of("kev"), Map::of);
        Instant now = Instant.parse("2025-12-01T08:00:00Z");
        WarningModelFile file =
                training.train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), 90, 7, now);
        assertThat(file.id()).isEqualTo("ew-20251201T080000-7");
        assertThat(file.approved()).isFalse();
        assertThat(file.examples()).as("one example per CVE mention day").isEqualTo(40);
        assertThat(file.positives())
                .as("a KEV report 10 days later is within 90; 200 days later is not")
                .isEqualTo(10);
        assertThat(file.labelsKnownAt()).isEqualTo(LocalDate.parse("2025-12-01"));
        assertThat(file.labels()).contains("kev").contains("90 days");
        assertThat(file.metrics()).containsKeys("cv-pr-auc", "cv-brier", "base-rate");
        double exploited = file.model().coefficients()[WarningFeatures.names().indexOf("exploitation-share")];
        assertThat(exploited).as("the cue is what tells them apart").isPositive();
        assertThat(training.train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), 90, 7, now))
                .as("same data and seed, same file")
                .isEqualTo(file)
                .satisfies(again -> assertThat(again.model().coefficients())
                        .containsExactly(file.model().coefficients()));

        // analysts judged CVE-2025-1001 (mentioned 2025-01-07, in KEV only 200 days later) relevant on an alert of
        // 01-20
        WarningModelFile withFeedback = new ModelTraining(
                        signals,
                        METHODOLOGY,
                        BurstDetector.defaults(),
                        WarningTrainer.defaults(),
                        Set.of("kev"),
                        () -> Map.of("cve:CVE-2025-1001", LocalDate.parse("2025-01-20")))
                .train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), 90, 7, now);
        assertThat(withFeedback.positives())
                .as("the analyst's verdict is a label too")
                .isEqualTo(11);
        assertThat(withFeedback.labels()).contains("analyst's verdict", "1 subject(s)");

        // ATT&CK created an entry for two subjects' series: positives from that day, with no authoritative source
        signals.record(List.of(new AnnotatedItem(
                item("https://n/g1", "Group news", "news0", start, List.of(), List.of())
                        .item(),
                new ItemAnnotations(
                        List.of(),
                        List.of(new ItemAnnotations.Entity("attack-group", "G9001", 1, "Nightmoth")),
                        "test"))));
        WarningModelFile withAttack = new ModelTraining(
                        signals,
                        METHODOLOGY,
                        BurstDetector.defaults(),
                        WarningTrainer.defaults(),
                        Set.of("kev"),
                        Map::of,
                        Map.of(
                                "attack-group:G9001", LocalDate.parse("2025-02-01"),
                                "cve:CVE-2025-1001", LocalDate.parse("2025-01-20")))
                .train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), 90, 7, now);
        assertThat(withAttack.examples())
                .as("the group's mention day is an example too")
                .isEqualTo(41);
        assertThat(withAttack.positives())
                .as("ATT&CK's creation dates are labels")
                .isEqualTo(12);
        assertThat(withAttack.labels()).contains("ATT&CK entry (2 groups and software)");
        assertThat(new ModelTraining(
                                signals,
                                METHODOLOGY,
                                BurstDetector.defaults(),
                                WarningTrainer.defaults(),
                                Set.of(),
                                Map::of,
                                Map.of(
                                        "cve:CVE-2025-1001",
                                        LocalDate.parse("2025-01-20"),
                                        "cve:CVE-2025-1000",
                                        LocalDate.parse("2025-01-20"),
                                        "cve:CVE-2025-1004",
                                        LocalDate.parse("2025-01-25"),
                                        "cve:CVE-2025-1008",
                                        LocalDate.parse("2025-01-25"),
                                        "cve:CVE-2025-1012",
                                        LocalDate.parse("2025-02-25"),
                                        "cve:CVE-2025-1016",
                                        LocalDate.parse("2025-02-25")))
                        .train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), 90, 7, now)
                        .positives())
                .as("reference dates alone can train; the kev items are then ordinary mentions, so the five"
                        + " exploited CVEs have two mention days each before their date, CVE-2025-1001 one")
                .isEqualTo(11);
        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ModelTraining(
                                signals,
                                METHODOLOGY,
                                BurstDetector.defaults(),
                                WarningTrainer.defaults(),
                                Set.of(),
                                Map::of)
                        .train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), 90, 7, now))
                .withMessageContaining("no labels to learn from");

        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> training.train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-11-30"), 90, 7, now))
                .withMessageContaining("at least 90 days before today");
        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ModelTraining(
                                signals,
                                METHODOLOGY,
                                BurstDetector.defaults(),
                                WarningTrainer.defaults(),
                                Set.of("nobody"),
                                Map::of)
                        .train(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"), 90, 7, now))
                .withMessageContaining("too few labelled examples");
    }

    @Test
    void aSubjectReportedLongBeforeTheWeeksReadIsStillAKnownThreat() {
        MongoDatabase db = database();
        SignalRepository signals = new SignalRepository(
                db, new GradeWeights(METHODOLOGY.grading()), MethodologyLoader.cues(METHODOLOGY.stages()));
        signals.ensureIndexes();
        signals.record(List.of(
                item(
                        "https://k/old",
                        "KEV adds CVE-2024-5555",
                        "kev",
                        Instant.parse("2024-06-01T10:00:00Z"),
                        List.of(),
                        List.of("CVE-2024-5555")),
                item(
                        "https://n/now",
                        "CVE-2024-5555 seen again",
                        "news",
                        Instant.parse("2026-03-10T10:00:00Z"),
                        List.of(),
                        List.of("CVE-2024-5555"))));
        EarlyWarningScore score = new EarlyWarningScorer(signals, METHODOLOGY, BurstDetector.defaults(), Set.of("kev"))
                .score(LocalDate.parse("2026-03-10"), file("m", Instant.EPOCH, true, 1)).stream()
                        .filter(s -> s.series().equals("cve:CVE-2024-5555"))
                        .findFirst()
                        .orElseThrow();
        assertThat(score.authoritativeSince()).isEqualTo(LocalDate.parse("2024-06-01"));
        assertThat(score.score()).isEqualTo(1.0);
    }

    @Test
    void scoresActiveSeriesRankedAndExplained() {
        MongoDatabase db = database();
        SignalRepository signals = new SignalRepository(
                db, new GradeWeights(METHODOLOGY.grading()), MethodologyLoader.cues(METHODOLOGY.stages()));
        Instant day = Instant.parse("2026-03-10T12:00:00Z");
        List<AnnotatedItem> items = new ArrayList<>();
        items.add(item(
                "https://n/1",
                "CVE-2026-1111 actively exploited in the wild",
                "news1",
                day,
                List.of(),
                List.of("CVE-2026-1111")));
        items.add(item("https://n/2", "Patch for CVE-2026-2222", "news2", day, List.of(), List.of("CVE-2026-2222")));
        items.add(item(
                "https://n/3",
                "KEV adds CVE-2026-3333",
                "kev",
                day.minusSeconds(86_400),
                List.of(),
                List.of("CVE-2026-3333")));
        items.add(item(
                "https://n/4",
                "Voice cloning fraud",
                "news1",
                day.minusSeconds(86_400 * 40),
                List.of("voice-cloning"),
                List.of()));
        for (int i = 0; i < 20; i++) {
            items.add(item("https://n/x" + i, "Other news " + i, "news" + (i % 4), day, List.of(), List.of()));
        }
        signals.record(items);
        EarlyWarningScorer scorer =
                new EarlyWarningScorer(signals, METHODOLOGY, BurstDetector.defaults(), Set.of("kev"));
        WarningModelFile model = file("m", Instant.EPOCH, true, 5);

        List<EarlyWarningScore> scores = scorer.score(LocalDate.parse("2026-03-10"), model);
        assertThat(scores)
                .extracting(EarlyWarningScore::series)
                .as("voice cloning is 40 days quiet")
                .containsExactly("cve:CVE-2026-3333", "cve:CVE-2026-1111", "cve:CVE-2026-2222");
        EarlyWarningScore known = scores.getFirst();
        assertThat(known.score()).isEqualTo(1.0);
        assertThat(known.authoritativeSince()).isEqualTo(LocalDate.parse("2026-03-09"));
        EarlyWarningScore exploited = scores.get(1);
        assertThat(exploited.authoritativeSince()).isNull();
        assertThat(exploited.score()).isCloseTo(1 / (1 + Math.exp(2 - 5)), within(1e-9));
        assertThat(exploited.explanation().contributions().getFirst()).satisfies(t -> {
            assertThat(t.feature()).isEqualTo("exploitation-share");
            assertThat(t.logOdds()).isCloseTo(5, within(1e-9));
            assertThat(t.words()).isEqualTo("1 of 1 item about few subjects with exploitation cues");
        });
        assertThat(exploited.explanation().summary()).startsWith("CVE-2026-1111: 95% chance");
        assertThat(exploited.kind()).isEqualTo("cve");
        assertThat(exploited.label()).isEqualTo("CVE-2026-1111");
        assertThat(exploited.evidenceCount()).isEqualTo(1);
        assertThat(exploited.modelVersion()).isEqualTo("m");
        assertThat(scores.get(2).score()).isCloseTo(1 / (1 + Math.exp(2)), within(1e-9));

        assertThat(scorer.score(LocalDate.parse("2026-02-10"), model))
                .extracting(EarlyWarningScore::series)
                .as("a past day sees only what was there")
                .containsExactly("voice-cloning");
        assertThat(signals.lastDay()).contains(LocalDate.parse("2026-03-10"));
    }
}
