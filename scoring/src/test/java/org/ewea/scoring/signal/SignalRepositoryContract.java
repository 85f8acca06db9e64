package org.ewea.scoring.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.TestItems;
import org.ewea.collectors.testing.TestSources;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.junit.jupiter.api.Test;

/** What every MongoDB the signal series run on must do. Subclasses say which MongoDB. */
abstract class SignalRepositoryContract {

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);
    private static final GradeWeights WEIGHTS = new GradeWeights(METHODOLOGY.grading());
    private static final LexiconMatcher CUES = MethodologyLoader.cues(METHODOLOGY.stages());

    /** A fresh database each call. */
    protected abstract MongoDatabase database();

    private static AnnotatedItem item(String url, String source, String grade, Instant published, String... tags) {
        return item(url, "t " + url, source, grade, published, tags);
    }

    private static AnnotatedItem item(
            String url, String title, String source, String grade, Instant published, String... tags) {
        HarmonisedItem base = TestItems.item(url, title, published, published);
        HarmonisedItem item = new HarmonisedItem(
                base.id(),
                new SourceId(source),
                base.canonicalUrl(),
                base.title(),
                base.text(),
                base.language(),
                published,
                published,
                AdmiraltyGrade.parse(grade),
                base.tlp(),
                base.handling(),
                base.contentHash(),
                base.provenance());
        List<ItemAnnotations.Tag> tagList = Arrays.stream(tags)
                .map(t -> new ItemAnnotations.Tag(t, 1, 0, t))
                .toList();
        return new AnnotatedItem(item, new ItemAnnotations(tagList, List.of(), "test"));
    }

    @Test
    void countsItemsPerTechnologyAndDayIncrementally() {
        SignalRepository signals = new SignalRepository(database(), WEIGHTS, CUES);
        Instant day1 = Instant.parse("2026-01-10T08:00:00Z");
        Instant day3 = Instant.parse("2026-01-12T23:00:00Z");
        signals.record(List.of(
                item("https://a/1", "s1", "A1", day1, "voice-cloning", "deepfake-video"),
                item("https://a/2", "s2", "F6", day1, "voice-cloning")));
        signals.record(List.of(
                item("https://a/3", "s1", "B2", day1.plusSeconds(3600), "voice-cloning"),
                item("https://a/4", "s3", "A1", day3, "voice-cloning")));
        signals.record(List.of());

        List<SignalPoint> series =
                signals.daily("voice-cloning", LocalDate.parse("2026-01-09"), LocalDate.parse("2026-01-12"));
        assertThat(series).extracting(SignalPoint::count).containsExactly(0L, 3L, 0L, 1L);
        assertThat(series.get(1).sources()).isEqualTo(2);
        assertThat(series.get(1).weighted()).isCloseTo(1.0 + 0.25 + 0.64, within(1e-9));
        assertThat(signals.daily("deepfake-video", LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-10")))
                .extracting(SignalPoint::count)
                .containsExactly(1L);
        signals.record(List.of(item("https://a/5", "s4", "A1", day3, new String[0])));
        assertThat(signals.daily(
                        SignalRepository.ALL_ITEMS, LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-12")))
                .as("every item once per day, with or without tags")
                .extracting(SignalPoint::count)
                .containsExactly(3L, 0L, 2L);
    }

    @Test
    void countsCuedItemsPerIndicatorAndListsTheActiveSeries() {
        SignalRepository signals = new SignalRepository(database(), WEIGHTS, CUES);
        Instant day = Instant.parse("2026-02-03T10:00:00Z");
        signals.record(List.of(
                item("https://c/1", "Voice cloning kits for sale, sold as a service", "s1", "A1", day, "voice-cloning"),
                item("https://c/2", "Step-by-step tutorial: voice cloning for sale", "s2", "A1", day, "voice-cloning"),
                item("https://c/3", "Voice cloning explained", "s3", "A1", day.plusSeconds(86_400), "voice-cloning"),
                item(
                        "https://c/4",
                        "Police arrested two drone smugglers",
                        "s3",
                        "A1",
                        day.minusSeconds(86_400 * 9),
                        "drones")));
        List<SignalPoint> series =
                signals.daily("voice-cloning", LocalDate.parse("2026-02-03"), LocalDate.parse("2026-02-04"));
        assertThat(series.getFirst().cues())
                .as("an item counts once per indicator, however many phrases it has")
                .containsOnly(Map.entry("commodification", 2L), Map.entry("how-to", 1L));
        assertThat(series.get(1).cues()).isEmpty();
        assertThat(signals.daily(
                                SignalRepository.ALL_ITEMS,
                                LocalDate.parse("2026-02-03"),
                                LocalDate.parse("2026-02-03"))
                        .getFirst()
                        .cue("commodification"))
                .isEqualTo(2L);

        var active = signals.active(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-10"));
        assertThat(active).containsOnlyKeys("voice-cloning", SignalRepository.ALL_ITEMS);
        assertThat(active.get("voice-cloning"))
                .extracting(SignalPoint::day)
                .containsExactly(LocalDate.parse("2026-02-03"), LocalDate.parse("2026-02-04"));
        assertThat(signals.active(LocalDate.parse("2026-01-25"), LocalDate.parse("2026-01-25"))
                        .get("drones"))
                .singleElement()
                .satisfies(p -> assertThat(p.cue("enforcement")).isEqualTo(1L));
    }

    @Test
    void countsItemsFromDarkWebSources() {
        SignalRepository signals = new SignalRepository(
                database(), WEIGHTS, CUES, ids -> ids.contains("forum") ? Set.of("forum") : Set.of());
        Instant day = Instant.parse("2026-04-01T10:00:00Z");
        signals.record(List.of(
                item("https://d/1", "forum", "F6", day, "infostealers"),
                item("https://d/2", "forum", "F6", day, "infostealers"),
                item("https://d/3", "news", "B2", day, "infostealers")));
        SignalPoint point = signals.daily("infostealers", LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-01"))
                .getFirst();
        assertThat(point.count()).isEqualTo(3);
        assertThat(point.darkWeb()).isEqualTo(2);
        assertThat(new SignalAnalysis(BurstDetector.defaults())
                        .weekly(List.of(point))
                        .getFirst()
                        .darkWeb())
                .isEqualTo(2);
    }

    @Test
    void weighsGradesOnTheMethodologysScale() {
        assertThat(WEIGHTS.of(AdmiraltyGrade.parse("A1"))).isEqualTo(1.0);
        assertThat(WEIGHTS.of(AdmiraltyGrade.parse("B2"))).isCloseTo(0.64, within(1e-9));
        assertThat(WEIGHTS.of(AdmiraltyGrade.parse("F6"))).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void backfillBuildsTheSeriesFromStoredItemsOnceOnly() {
        MongoDatabase db = database();
        ItemRepository items = new ItemRepository(db);
        items.ensureIndexes();
        Instant day = Instant.parse("2026-03-02T00:00:00Z"); // 48 hours: two whole days
        List<AnnotatedItem> stored = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            stored.add(item(
                    "https://b/" + i,
                    "s" + (i % 7),
                    i % 2 == 0 ? "A1" : "F6",
                    day.plusSeconds(3600L * (i % 48)),
                    i % 5 == 0 ? new String[] {"drones"} : new String[] {"3d-printed-firearms"}));
        }
        items.insertAnnotated(stored);
        SignalRepository signals = new SignalRepository(db, WEIGHTS, CUES);
        InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-21T00:00:00Z"));

        SignalBackfill.Result first = new SignalBackfill(db, items, signals, clock).runOnce();
        assertThat(first).isEqualTo(new SignalBackfill.Result(SignalBackfill.Outcome.REBUILT, 2500));
        List<SignalPoint> drones =
                signals.daily("drones", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-04"));
        List<SignalPoint> guns =
                signals.daily("3d-printed-firearms", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-04"));
        assertThat(drones.stream().mapToLong(SignalPoint::count).sum()).isEqualTo(500);
        assertThat(guns.stream().mapToLong(SignalPoint::count).sum()).isEqualTo(2000);
        assertThat(drones.get(2).count()).isZero();
        assertThat(drones.getFirst().sources()).isEqualTo(7);
        // even i are A1 (1.0) and odd F6 (0.25); i % 5 == 0 picks even and odd alike
        assertThat(drones.stream().mapToDouble(SignalPoint::weighted).sum())
                .isCloseTo(250 * 1.0 + 250 * 0.25, within(1e-6));

        SignalBackfill again = new SignalBackfill(db, items, new SignalRepository(db, WEIGHTS, CUES), clock);
        assertThat(again.runOnce()).isEqualTo(new SignalBackfill.Result(SignalBackfill.Outcome.ALREADY_DONE, 0));
        assertThat(signals.daily("drones", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-04")))
                .isEqualTo(drones);
    }

    @Test
    void aBackfillClaimedButNeverFinishedIsReportedNotRepeated() {
        MongoDatabase db = database();
        db.getCollection(SignalBackfill.MARKERS)
                .insertOne(new Document("_id", SignalBackfill.MARKER_ID).append("state", "started"));
        ItemRepository items = new ItemRepository(db);
        items.insertAnnotated(
                List.of(item("https://c/1", "s1", "A1", Instant.parse("2026-03-02T10:00:00Z"), "drones")));
        SignalRepository signals = new SignalRepository(db, WEIGHTS, CUES);
        assertThat(new SignalBackfill(db, items, signals, InstantSource.system()).runOnce())
                .isEqualTo(new SignalBackfill.Result(SignalBackfill.Outcome.INCOMPLETE, 0));
        assertThat(signals.daily("drones", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02")))
                .extracting(SignalPoint::count)
                .containsExactly(0L);
    }

    @Test
    void tracksCvesAndAttackEntitiesButNotAddressesAndKnowsTheFirstDay() {
        MongoDatabase db = database();
        SignalRepository signals = new SignalRepository(db, WEIGHTS, CUES);
        signals.ensureIndexes();
        signals.ensureIndexes();
        Instant later = Instant.parse("2026-02-20T12:00:00Z");
        Instant earlier = Instant.parse("2026-02-03T12:00:00Z");
        List<ItemAnnotations.Entity> entities = List.of(
                new ItemAnnotations.Entity("cve", "CVE-2026-1234", 2, "CVE-2026-1234"),
                new ItemAnnotations.Entity("attack-group", "G0010", 1, "Turla"),
                new ItemAnnotations.Entity("btc", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", 1, "x"));
        AnnotatedItem a = item("https://e/1", "s1", "A1", later);
        AnnotatedItem b = item("https://e/2", "s2", "A1", earlier);
        signals.record(List.of(
                new AnnotatedItem(a.item(), new ItemAnnotations(List.of(), entities, "t")),
                new AnnotatedItem(b.item(), new ItemAnnotations(List.of(), entities.subList(0, 1), "t"))));

        String cve = SignalRepository.entitySeries("cve", "CVE-2026-1234");
        assertThat(signals.firstSeen(cve)).contains(LocalDate.parse("2026-02-03"));
        assertThat(signals.firstSeen(SignalRepository.entitySeries("attack-group", "G0010")))
                .contains(LocalDate.parse("2026-02-20"));
        assertThat(signals.firstSeen(SignalRepository.entitySeries("btc", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT")))
                .as("addresses are not tracked as series")
                .isEmpty();
        assertThat(signals.firstSeen("never-mentioned")).isEmpty();
        assertThat(signals.daily(cve, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")))
                .extracting(SignalPoint::count)
                .containsOnly(0L, 1L)
                .filteredOn(c -> c == 1L)
                .hasSize(2);
    }

    private static AnnotatedItem marked(AnnotatedItem a, Tlp tlp, Handling handling) {
        HarmonisedItem i = a.item();
        return a.withItem(new HarmonisedItem(
                i.id(),
                i.sourceId(),
                i.canonicalUrl(),
                i.title(),
                i.text(),
                i.language(),
                i.published(),
                i.captured(),
                i.grading(),
                tlp,
                handling,
                i.contentHash(),
                i.provenance()));
    }

    @Test
    void aReadersPictureIsThePictureOfAStoreHoldingOnlyWhatTheyMayRead() {
        var codes = TestSources.HANDLING_CODES;
        var green = Tlp.GREEN;
        var none = Handling.NONE;
        Instant day1 = Instant.parse("2026-01-10T08:00:00Z");
        Instant day2 = Instant.parse("2026-01-11T08:00:00Z");
        List<AnnotatedItem> open = List.of(
                marked(
                        item("https://o/1", "Ransomware exploited in the wild", "news", "B2", day1, "ransomware"),
                        green,
                        none),
                marked(item("https://o/2", "news2", "A1", day2, "ransomware"), Tlp.CLEAR, none));
        List<AnnotatedItem> restricted = List.of(
                marked(
                        item("https://r/1", "Partner: loader sold", "partner", "A1", day1, "ransomware", "loaders"),
                        Tlp.RED,
                        none),
                marked(
                        item("https://r/2", "h2", "B2", Instant.parse("2026-01-09T08:00:00Z"), "loaders"),
                        green,
                        codes.parse("europol:H2")));
        SignalRepository mixed = new SignalRepository(
                database(), WEIGHTS, CUES, ids -> ids.contains("partner") ? Set.of("partner") : Set.of());
        mixed.record(Stream.concat(open.stream(), restricted.stream()).toList());
        MongoDatabase only = database(); // a fresh database: a store holding the open items only
        SignalRepository onlyOpen = new SignalRepository(
                only, WEIGHTS, CUES, ids -> ids.contains("partner") ? Set.of("partner") : Set.of());
        onlyOpen.record(open);

        var reader = new Clearance(green, none);
        SignalRepository seen = mixed.readBy(reader);
        LocalDate from = LocalDate.parse("2026-01-08");
        LocalDate to = LocalDate.parse("2026-01-12");
        for (String series : List.of("ransomware", "loaders", SignalRepository.ALL_ITEMS)) {
            assertThat(seen.daily(series, from, to)).as(series).isEqualTo(onlyOpen.daily(series, from, to));
            assertThat(seen.firstSeen(series)).as(series).isEqualTo(onlyOpen.firstSeen(series));
        }
        assertThat(seen.active(from, to)).isEqualTo(onlyOpen.active(from, to));
        assertThat(seen.lastDay()).isEqualTo(onlyOpen.lastDay());
        assertThat(seen.firstMentionedBy(Set.of("partner", "news")))
                .isEqualTo(onlyOpen.firstMentionedBy(Set.of("partner", "news")));
        // the service's own picture still counts everything
        assertThat(mixed.daily("ransomware", from, to))
                .extracting(SignalPoint::count)
                .containsExactly(0L, 0L, 2L, 1L, 0L);
        assertThat(mixed.readBy(Clearance.FULL).firstSeen("loaders")).contains(LocalDate.parse("2026-01-09"));
        assertThat(seen.firstSeen("loaders")).isEmpty();
    }
}
