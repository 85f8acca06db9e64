package org.ewea.alerts.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.event.AlertEventLog;
import org.ewea.alerts.lifecycle.AlertRaiser;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.alerts.rule.RuleType;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.AttackNames;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestItems;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.TermExtractor;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.NameScorer;
import org.ewea.scoring.warning.NameWarningRates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** The briefing of a day: what no record held then comes first, with the reason in words; known threats apart. */
class BriefingBuilderTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private static final AlertRule NEW_NAME = new AlertRule(
            "new-name", "New name", RuleType.NOVEL_TERM, null, null, null, 7, null, null, null, 1, null, null, 2, null);
    private static final AttackNames ATTACK = AttackNames.of(List.of(
            new AttackNames.Name("S0575", "attack-software", "Conti", "Conti", LocalDate.parse("2021-02-17")),
            new AttackNames.Name("S0638", "attack-software", "Babuk", "Babuk", LocalDate.parse("2021-08-11"))));

    private AlertRepository alerts;
    private AlertRaiser raiser;
    private SignalRepository signals;
    private BriefingBuilder briefings;
    private EarlyWarningScores scores;
    private TermRepository terms;
    /**
     * The rule's rates as the evaluation ships them: 6 of 30 dark-web names listed later; 58 open-source names, none
     * warned while the record could still list them.
     */
    static final NameWarningRates RATES = new NameWarningRates(
            "rates-test",
            "MITRE ATT&CK",
            LocalDate.parse("2025-10-22"),
            List.of(
                    new NameWarningRates.Rate("dark-web", "a test corpus", 30, 30, 6),
                    new NameWarningRates.Rate("open-source", "a test corpus", 58, 0, 0)));

    @BeforeEach
    void create() {
        MongoDatabase db = STORE.freshDatabase();
        alerts = new AlertRepository(db);
        raiser = new AlertRaiser(alerts, new AlertEventLog(db), () -> Instant.parse("2026-12-01T00:00:00Z"));
        signals = new SignalRepository(
                db, new GradeWeights(METHODOLOGY.grading()), MethodologyLoader.cues(METHODOLOGY.stages()));
        EarlyWarningScorer scorer =
                new EarlyWarningScorer(signals, METHODOLOGY, BurstDetector.defaults(), Set.of("kev"));
        terms = new TermRepository(db, new TermExtractor(METHODOLOGY.lexicon()));
        AuthoritativeRecord record = new AuthoritativeRecord(
                reader -> signals.readBy(reader).firstMentionedBy(Set.of("kev")),
                ATTACK,
                METHODOLOGY.authorityWarnings());
        scores = new EarlyWarningScores(
                scorer,
                new NameScorer(terms, signals, METHODOLOGY, BurstDetector.defaults(), RATES),
                new ModelRegistry(db, JsonMapper.builder().build()),
                alerts,
                record);
        briefings = new BriefingBuilder(scores, signals, record, METHODOLOGY);
    }

    @Test
    void aTechnologyIsAnEarlyWarningUntilAuthoritiesWarnOfItAndThenAKnownThreatNeverNewNorAWeakSignal() {
        // drones: first warned of by Europol in 2017-02 (authority-warnings.yaml); ransomware: FBI IC3, 2012-05
        List<AnnotatedItem> items = new ArrayList<>();
        for (int d = 40; d >= 0; d -= 5) {
            items.add(item(
                    "https://n/d" + d,
                    "src" + d % 2,
                    LocalDate.parse("2016-06-30").minusDays(d).toString(),
                    List.of(),
                    List.of("drones", "ransomware")));
        }
        // an authoritative source names ransomware later: that is no reason to forget the 2012 warning before it
        items.add(item("https://kev/1", "kev", "2016-08-01", List.of(), List.of("ransomware")));
        signals.record(items);

        assertThat(scores.score(LocalDate.parse("2016-06-30"), Clearance.FULL))
                .filteredOn(s -> s.series().equals("ransomware"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.authoritativeSince()).isEqualTo("2012-05-01");
                    assertThat(s.score()).isEqualTo(1.0);
                });
        Briefing b = briefings.build(LocalDate.parse("2016-06-30"), Clearance.FULL);

        assertThat(b.earlyWarnings()).extracting(Briefing.Line::id).containsExactly("drones");
        Briefing.Line drones = b.earlyWarnings().getFirst();
        assertThat(drones.reason())
                .contains("No authority had warned of it by 2016-06-30")
                .contains("Europol");
        assertThat(drones.leadDays())
                .as("first seen 2016-05-21, Europol 2017-02-01")
                .isEqualTo(256);
        assertThat(b.knownThreats()).extracting(Briefing.Line::id).containsExactly("ransomware");
        assertThat(b.knownThreats().getFirst().reason()).contains("FBI IC3");
        assertThat(b.knownThreats().getFirst().stage())
                .as("known: established, never a weak signal")
                .isEqualTo("established");
        assertThat(b.newThisWeek()).extracting(Briefing.Line::id).doesNotContain("ransomware");
    }

    private static AnnotatedItem item(String url, String source, String day, List<String> cves) {
        return item(url, source, day, cves, List.of());
    }

    private static AnnotatedItem item(String url, String source, String day, List<String> cves, List<String> tags) {
        Instant time = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
        HarmonisedItem base = TestItems.item(url, "about " + cves, time, time);
        return new AnnotatedItem(
                new HarmonisedItem(
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
                        base.provenance()),
                new ItemAnnotations(
                        tags.stream()
                                .map(t -> new ItemAnnotations.Tag(t, 1, 0, t))
                                .toList(),
                        cves.stream()
                                .map(c -> new ItemAnnotations.Entity("cve", c, 1, c))
                                .toList(),
                        "test"));
    }

    private Alert name(String label, String day, String how) {
        Map<String, String> facts = Map.of(
                "firstSeen", day, "items", "1", "sources", "portal", "darkWebSources", "portal", "selfNamed", how);
        return raiser.raise(
                        new Trigger(
                                NEW_NAME,
                                new Subject("novel-term", label.toLowerCase(Locale.ROOT), label),
                                "New name: " + label,
                                "summary",
                                null,
                                null,
                                null,
                                null,
                                Tlp.CLEAR,
                                Handling.NONE,
                                null,
                                List.of(),
                                facts,
                                LocalDate.parse(day)),
                        LocalDate.parse(day).atTime(23, 0).toInstant(ZoneOffset.UTC))
                .alert();
    }

    @Test
    void warnedNamesAreScoredWithTheirRulesMeasuredRateAndAreKnownOnceTheRecordListsThem() {
        terms.record(List.of(
                said("https://p/1", "portal", "2021-02-03", "Your files were taken by Babuk today."),
                said("https://p/2", "portal", "2021-02-10", "Pay Babuk within three days."),
                said("https://n/1", "news", "2021-02-12", "Police say the Zorblax gang struck again.")));
        name("Conti", "2020-10-17", "true");
        name("Babuk", "2021-02-03", "true");
        dismiss(name("Support", "2021-02-01", "true"));
        raiser.raise(
                new Trigger(
                        NEW_NAME,
                        new Subject("novel-term", "zorblax", "Zorblax"),
                        "New name: Zorblax",
                        "summary",
                        null,
                        null,
                        null,
                        null,
                        Tlp.CLEAR,
                        Handling.NONE,
                        null,
                        List.of(),
                        Map.of("firstSeen", "2021-02-12", "items", "3", "sources", "news, blog", "selfNamed", "false"),
                        LocalDate.parse("2021-02-12")),
                LocalDate.parse("2021-02-12").atTime(23, 0).toInstant(ZoneOffset.UTC));

        List<EarlyWarningScore> day = scores.score(LocalDate.parse("2021-02-16"), Clearance.FULL);

        assertThat(day)
                .extracting(EarlyWarningScore::series)
                .as("a dismissed name is not" + " scored; equal scores by risk, then name")
                .containsExactlyInAnyOrder("term:babuk", "term:conti", "term:zorblax");
        day = day.stream()
                .sorted(Comparator.comparing(EarlyWarningScore::series))
                .toList();
        EarlyWarningScore babuk = day.getFirst();
        assertThat(babuk.kind()).isEqualTo("term");
        assertThat(babuk.score()).as("the dark-web rate: (6 + 1) / (30 + 2)").isEqualTo(7 / 32.0);
        assertThat(babuk.modelVersion()).as("not the CVE model").isEqualTo("rates-test");
        assertThat(babuk.authoritativeSince()).isNull();
        assertThat(babuk.evidenceCount()).isEqualTo(2);
        assertThat(babuk.firstSeen()).isEqualTo(LocalDate.parse("2021-02-03"));
        assertThat(babuk.stage().stage()).isEqualTo("weak-signal");
        assertThat(babuk.explanation().likelihood())
                .as("band 2 of a 0.22 score, no stage floor")
                .startsWith("2:");
        assertThat(babuk.explanation().summary()).contains("dark-web part", "2021-02-03", "MITRE ATT&CK listed 6");
        EarlyWarningScore zorblax = day.get(2);
        assertThat(zorblax.score())
                .as("the open-source part was never measurable: the dark-web part's rate stands"
                        + " in, and the explanation says so")
                .isEqualTo(7 / 32.0);
        assertThat(zorblax.explanation().summary()).contains("open-source part", "no measured rate", "stands in");

        EarlyWarningScore conti = scores.score(LocalDate.parse("2021-02-17"), Clearance.FULL).stream()
                .filter(s -> s.series().equals("term:conti"))
                .findFirst()
                .orElseThrow();
        assertThat(conti.authoritativeSince())
                .as("ATT&CK created S0575 that day")
                .isEqualTo("2021-02-17");
        assertThat(conti.score()).isEqualTo(1.0);
        assertThat(conti.explanation().summary()).contains("a known threat", "123 days before");
        assertThat(conti.stage().stage()).as("known: never a weak signal").isEqualTo("established");
        assertThat(conti.stage().rationale()).contains("MITRE ATT&CK lists it");
        assertThat(scores.score(LocalDate.parse("2021-08-04"), Clearance.FULL))
                .extracting(EarlyWarningScore::series)
                .as("182 days after Babuk's warning")
                .containsExactly("term:zorblax");

        // a name whose warning is marked above the reader's clearance is not theirs to see, scored or not
        raiser.raise(
                new Trigger(
                        NEW_NAME,
                        new Subject("novel-term", "hidra", "Hidra"),
                        "New name: Hidra",
                        "summary",
                        null,
                        null,
                        null,
                        null,
                        Tlp.AMBER,
                        Handling.NONE,
                        null,
                        List.of(),
                        Map.of(
                                "firstSeen",
                                "2021-02-14",
                                "items",
                                "2",
                                "sources",
                                "portal",
                                "darkWebSources",
                                "portal",
                                "selfNamed",
                                "false"),
                        LocalDate.parse("2021-02-14")),
                LocalDate.parse("2021-02-14").atTime(23, 0).toInstant(ZoneOffset.UTC));
        assertThat(scores.score(LocalDate.parse("2021-02-16"), Clearance.FULL))
                .extracting(EarlyWarningScore::series)
                .contains("term:hidra");
        assertThat(scores.score(LocalDate.parse("2021-02-16"), Clearance.of(Tlp.GREEN)))
                .extracting(EarlyWarningScore::series)
                .doesNotContain("term:hidra")
                .contains("term:babuk");

        Briefing b = briefings.build(LocalDate.parse("2021-02-16"), Clearance.FULL);
        Briefing.Line line = b.earlyWarnings().stream()
                .filter(l -> l.label().equals("Babuk"))
                .findFirst()
                .orElseThrow();
        assertThat(line.score()).isEqualTo(7 / 32.0);
        assertThat(line.stage()).isEqualTo("weak-signal");
        assertThat(line.priority()).isEqualTo(babuk.priority());
        assertThat(line.reason()).contains("speaks for itself");
        assertThat(b.earlyWarnings())
                .extracting(Briefing.Line::label)
                .as("one line a name")
                .containsExactlyInAnyOrder("Babuk", "Conti", "Zorblax", "Hidra");
    }

    private void dismiss(Alert a) {
        alerts.replace(
                new Alert(
                        a.id(),
                        a.groupKey(),
                        a.ruleId(),
                        a.ruleName(),
                        a.subject(),
                        a.title(),
                        a.summary(),
                        AlertState.DISMISSED,
                        null,
                        null,
                        null,
                        null,
                        a.tlp(),
                        a.handling(),
                        null,
                        List.of(),
                        a.facts(),
                        a.asOf(),
                        a.raisedAt(),
                        a.updatedAt(),
                        1,
                        a.raisedAt(),
                        a.history(),
                        null,
                        List.of(),
                        a.version() + 1),
                a.version());
    }

    private static AnnotatedItem said(String url, String source, String day, String text) {
        Instant time = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
        HarmonisedItem base = TestItems.item(url, text, time, time);
        return new AnnotatedItem(
                new HarmonisedItem(
                        base.id(),
                        new SourceId(source),
                        base.canonicalUrl(),
                        "A post",
                        text,
                        base.language(),
                        time,
                        time,
                        AdmiraltyGrade.parse("C3"),
                        base.tlp(),
                        base.handling(),
                        base.contentHash(),
                        base.provenance()),
                new ItemAnnotations(List.of(), List.of(), "test"));
    }

    @Test
    void subjectsNoRecordHeldComeFirstAndKnownThreatsApart() {
        signals.record(List.of(
                item("https://n/1", "news", "2021-02-10", List.of("CVE-2021-0001")),
                item("https://n/2", "blog", "2021-02-12", List.of("CVE-2021-0001", "CVE-2020-9999")),
                item("https://k/1", "kev", "2021-01-05", List.of("CVE-2020-9999"))));
        name("Conti", "2020-10-17", "true");
        name("Babuk", "2021-02-03", "true");
        name("Monday", "2020-06-01", "true");
        dismiss(name("Support", "2021-02-01", "true"));

        Briefing b = briefings.build(LocalDate.parse("2021-02-16"), Clearance.FULL);

        assertThat(b.earlyWarnings())
                .extracting(Briefing.Line::label)
                .as("a dismissed name, and one warned more" + " than half a year before, are no longer open")
                .containsExactly("CVE-2021-0001", "Babuk", "Conti");
        Briefing.Line cve = b.earlyWarnings().getFirst();
        assertThat(cve.reason())
                .contains("not in CISA KEV", "2 mentions from 2 sources")
                .doesNotContain("-28d");
        assertThat(cve.evidence()).isEqualTo(2);
        Briefing.Line conti = b.earlyWarnings().get(2);
        assertThat(conti.reason()).contains("speaks for itself on a dark-web source (portal)", "Warned on 2020-10-17");
        assertThat(conti.authoritative().since())
                .as("the record took it up the next day")
                .isEqualTo(LocalDate.parse("2021-02-17"));
        assertThat(conti.leadDays()).isEqualTo(123);
        assertThat(b.knownThreats()).extracting(Briefing.Line::label).containsExactly("CVE-2020-9999");
        assertThat(b.knownThreats().getFirst().reason()).startsWith("In CISA KEV since 2021-01-05");
        assertThat(b.newThisWeek())
                .extracting(Briefing.Line::label)
                .as("first seen 2021-02-10..16")
                .contains("CVE-2021-0001")
                .doesNotContain("Conti");

        assertThat(briefings
                        .build(LocalDate.parse("2021-02-17"), Clearance.FULL)
                        .earlyWarnings())
                .extracting(Briefing.Line::label)
                .as("once ATT&CK holds it, it is no early warning")
                .doesNotContain("Conti")
                .contains("Babuk");
        assertThat(briefings.dayWithMostConfirmedWarnings(
                        LocalDate.parse("2020-01-01"), LocalDate.parse("2021-12-31"), Clearance.FULL))
                .as("Conti and Babuk both open, the later day")
                .contains(LocalDate.parse("2021-02-16"));
        assertThat(briefings
                        .build(LocalDate.parse("2021-02-16"), Clearance.of(Tlp.GREEN))
                        .earlyWarnings())
                .extracting(Briefing.Line::label)
                .as("the CVE's items are AMBER: a GREEN reader sees the CLEAR names")
                .containsExactly("Babuk", "Conti");
    }

    @Test
    void aTechnologyRisesOnlyWhenItGrowsFasterThanTheCollection() {
        LocalDate asOf = LocalDate.parse("2026-03-31");
        List<AnnotatedItem> items = new ArrayList<>();
        // four quiet weeks: deepfakes once a week from two sources, ten other items a week
        for (int d = 34; d >= 7; d--) {
            String day = asOf.minusDays(d).toString();
            if (d % 7 == 0) {
                items.add(item("https://n/df" + d, "src" + d % 2, day, List.of(), List.of("deepfake-video")));
            }
            items.add(item("https://n/o" + d, "other", day, List.of(), List.of()));
            items.add(item("https://n/p" + d, "other2", day, List.of(), List.of()));
        }
        // the last week: deepfakes six times from two sources, the rest of the collection as before
        for (int d = 6; d >= 0; d--) {
            String day = asOf.minusDays(d).toString();
            items.add(item("https://n/o" + d, "other", day, List.of(), List.of()));
            items.add(item("https://n/p" + d, "other2", day, List.of(), List.of()));
            if (d < 6) {
                items.add(item("https://n/dfx" + d, "src" + d % 2, day, List.of(), List.of("deepfake-video")));
            }
        }
        signals.record(items);
        Briefing quiet = briefings.build(asOf, Clearance.FULL);
        assertThat(quiet.rising()).extracting(Briefing.Line::id).containsExactly("deepfake-video");
        assertThat(quiet.rising().getFirst().reason())
                .contains("6 items in the last 7 days where")
                .contains("(Poisson)");

        // the same week in a collection that grew sixfold (new feeds): deepfakes only kept pace
        List<AnnotatedItem> more = new ArrayList<>();
        for (int d = 6; d >= 0; d--) {
            for (int i = 0; i < 12; i++) {
                more.add(item(
                        "https://n/new" + d + "-" + i,
                        "feed" + i,
                        asOf.minusDays(d).toString(),
                        List.of(),
                        List.of()));
            }
        }
        signals.record(more);
        assertThat(briefings.build(asOf, Clearance.FULL).rising()).isEmpty();
        BriefingBuilder.Rise kept = BriefingBuilder.rise(signals, "deepfake-video", asOf);
        assertThat(kept.last()).isEqualTo(6);
        assertThat(kept.rising()).isFalse();
    }
}
