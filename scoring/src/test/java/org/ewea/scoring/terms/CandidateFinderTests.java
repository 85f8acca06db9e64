package org.ewea.scoring.terms;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestItems;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CandidateFinderTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Methodology METHODOLOGY = new MethodologyLoader().load(null);

    private static AnnotatedItem item(String url, String title, String source, LocalDate day) {
        return item(url, title, "text of " + title, source, day);
    }

    private static AnnotatedItem item(String url, String title, String text, String source, LocalDate day) {
        Instant time = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        HarmonisedItem base = TestItems.item(url, title, time, time);
        return new AnnotatedItem(
                new HarmonisedItem(
                        base.id(),
                        new SourceId(source),
                        base.canonicalUrl(),
                        base.title(),
                        text,
                        base.language(),
                        time,
                        time,
                        AdmiraltyGrade.parse("B2"),
                        base.tlp(),
                        base.handling(),
                        base.contentHash(),
                        base.provenance()),
                ItemAnnotations.NONE);
    }

    private static SignalRepository signals(MongoDatabase db) {
        return new SignalRepository(
                db, new GradeWeights(METHODOLOGY.grading()), MethodologyLoader.cues(METHODOLOGY.stages()));
    }

    private static TermRepository terms(MongoDatabase db) {
        TermRepository terms = new TermRepository(db, new TermExtractor(METHODOLOGY.lexicon()));
        terms.ensureIndexes();
        return terms;
    }

    @Test
    void aNameRecurringOnADarkWebSourceIsACandidateFromTwoItems() {
        MongoDatabase db = STORE.freshDatabase();
        SignalRepository signals = signals(db);
        TermRepository terms = terms(db);
        CandidateFinder finder = new CandidateFinder(
                terms,
                signals,
                new CandidateDecisions(db),
                ids -> ids.contains("portal") ? Set.of("portal") : Set.of(),
                CommonWords.of(List.of()));
        LocalDate start = LocalDate.parse("2026-01-01");
        List<AnnotatedItem> items = new ArrayList<>();
        for (int d = 0; d < 70; d++) {
            items.add(item("https://n/old" + d, "Weekly round-up from Contoso analysts", "news", start.plusDays(d)));
        }
        // two conversations on a dark-web portal name a new group; one open blog names another twice
        items.add(item("https://p/1", "A chat with NightMoth operators", "portal", start.plusDays(60)));
        items.add(item("https://p/2", "A second chat with NightMoth operators", "portal", start.plusDays(64)));
        items.add(item("https://b/1", "Notes on PaleHeron", "blog", start.plusDays(60)));
        items.add(item("https://b/2", "More notes on PaleHeron", "blog", start.plusDays(61)));
        // a name said once on the portal; another speaking for itself once there, and once on the open blog
        items.add(item("https://p/3", "A chat mentioning OnceOnly", "portal", start.plusDays(62)));
        items.add(item(
                "https://p/4", "Chat 4", "Hello there. GhostWolf: we have your files", "portal", start.plusDays(66)));
        items.add(item("https://b/3", "Post 3", "An interview. BlueFinch: a quote", "blog", start.plusDays(66)));
        signals.record(items);
        terms.record(items);

        assertThat(finder.find(start.plusDays(63), false))
                .as("one dark-web item is not enough")
                .isEmpty();
        List<Candidate> found = finder.find(start.plusDays(64), false);
        assertThat(found).extracting(Candidate::id).containsExactly("nightmoth");
        assertThat(found.getFirst().sourceIds()).containsExactly("portal");
        assertThat(found.getFirst().darkWebSourceIds()).containsExactly("portal");
        assertThat(found.getFirst().items()).isEqualTo(2);
        assertThat(found.getFirst().selfNamed()).isFalse();
        List<Candidate> later = finder.find(start.plusDays(66), false);
        assertThat(later).extracting(Candidate::id).containsExactlyInAnyOrder("nightmoth", "ghostwolf");
        Candidate self = later.stream()
                .filter(c -> c.id().equals("ghostwolf"))
                .findFirst()
                .orElseThrow();
        assertThat(self.selfNamed()).isTrue();
        assertThat(self.items()).isEqualTo(1);
        assertThat(new CandidateFinder(terms, signals, new CandidateDecisions(db)).find(start.plusDays(64), false))
                .as("without the catalogue's dark-web flag the open rule applies")
                .isEmpty();
    }

    @Test
    void aNameThatAppearsSuddenlyAcrossSourcesIsACandidateAndDecisionsStick() {
        MongoDatabase db = STORE.freshDatabase();
        SignalRepository signals = signals(db);
        TermRepository terms = terms(db);
        CandidateDecisions decisions = new CandidateDecisions(db);
        CandidateFinder finder = new CandidateFinder(terms, signals, decisions);
        LocalDate start = LocalDate.parse("2026-01-01");
        List<AnnotatedItem> items = new ArrayList<>();
        for (int d = 0; d < 70; d++) {
            items.add(item(
                    "https://n/old" + d, "Weekly round-up from Contoso analysts", "news" + d % 3, start.plusDays(d)));
        }
        // a new name from day 60, in three sources; another in one source only
        for (int i = 0; i < 4; i++) {
            items.add(item(
                    "https://n/new" + i,
                    "Affiliates Of The VenomSpider Crew Leak Data",
                    "src" + i % 3,
                    start.plusDays(60 + i)));
            items.add(item("https://n/solo" + i, "A post about GhostMantis", "forum", start.plusDays(60 + i)));
        }
        // a name new on day 3 (inside the warm-up: the store itself is new then)
        for (int i = 0; i < 3; i++) {
            items.add(item("https://n/early" + i, "A note on EarlyBird tooling", "src" + i, start.plusDays(3 + i)));
        }
        signals.record(items);
        terms.record(items);

        LocalDate asOf = start.plusDays(65);
        List<Candidate> found = finder.find(asOf, false);
        assertThat(found).extracting(Candidate::id).containsExactly("venomspider");
        Candidate c = found.getFirst();
        assertThat(c.label()).isEqualTo("VenomSpider");
        assertThat(c.firstSeen()).isEqualTo(start.plusDays(60));
        assertThat(c.items()).isEqualTo(4);
        assertThat(c.sources()).isEqualTo(3);
        assertThat(c.status()).isEqualTo("NEW");
        assertThat(finder.find(start.plusDays(59), false)).as("not yet seen").isEmpty();
        assertThat(finder.find(start.plusDays(100), false)).as("no longer new").isEmpty();

        decisions.decide(
                "venomspider",
                new CandidateDecisions.Decision("REJECTED", "ana", Instant.EPOCH, null, "a vendor's nickname"));
        assertThat(finder.find(asOf, false)).isEmpty();
        assertThat(finder.find(asOf, true)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("REJECTED");
            assertThat(r.decision().note()).isEqualTo("a vendor's nickname");
        });
    }

    @Test
    void wordsGreetingsAndNamesWithoutAnActorAreNoCandidatesAndTwoFormsOfANameAreOne() {
        MongoDatabase db = STORE.freshDatabase();
        SignalRepository signals = signals(db);
        TermRepository terms = terms(db);
        CandidateFinder finder = new CandidateFinder(
                terms,
                signals,
                new CandidateDecisions(db),
                ids -> ids.contains("portal") ? Set.of("portal") : Set.of(),
                CommonWords.forLanguages(List.of("en")));
        LocalDate start = LocalDate.parse("2026-01-01");
        List<AnnotatedItem> items = new ArrayList<>();
        for (int d = 0; d < 70; d++) {
            items.add(item(
                    "https://n/old" + d, "Weekly round-up from Contoso analysts", "news" + d % 3, start.plusDays(d)));
        }
        items.add(item("https://p/0", "Chat 0", "Hi. Conti: we have your data.", "portal", start.plusDays(10)));
        // on the portal: a role, a greeting of a known group, and a group written two ways
        items.add(item(
                "https://p/1",
                "Chat 1",
                "Hello. Support: pay now. Thanks Conti: ok. Black Basta: we have your" + " files.",
                "portal",
                start.plusDays(60)));
        items.add(item("https://p/2", "Chat 2", "We are Basta, pay.", "portal", start.plusDays(61)));
        items.add(item("https://p/3", "Chat 3", "You know us as Basta now.", "portal", start.plusDays(62)));
        // in open sources: a name beside an actor noun in three sources, and one never beside one
        for (int i = 0; i < 3; i++) {
            items.add(item(
                    "https://b/g" + i,
                    "Post " + i,
                    "Researchers saw the Gravel stealer spread.",
                    "blog" + i,
                    start.plusDays(60 + i)));
            items.add(item(
                    "https://b/t" + i,
                    "Note " + i,
                    "Researchers met Tamarind officials in town.",
                    "blog" + i,
                    start.plusDays(60 + i)));
        }
        signals.record(items);
        terms.record(items);

        List<Candidate> found = finder.find(start.plusDays(62), false);
        assertThat(found).extracting(Candidate::label).containsExactlyInAnyOrder("Black Basta", "Gravel");
        Candidate basta = found.stream()
                .filter(c -> c.label().equals("Black Basta"))
                .findFirst()
                .orElseThrow();
        assertThat(basta.aliases()).containsExactly("Basta");
        assertThat(basta.firstSeen()).isEqualTo(start.plusDays(60));
        assertThat(finder.withMinBesideSources(4).find(start.plusDays(62), false))
                .extracting(Candidate::label)
                .as("three sources beside an actor noun are fewer than four")
                .containsExactly("Black Basta");
        assertThat(new CandidateFinder(
                                terms,
                                signals,
                                new CandidateDecisions(db),
                                ids -> ids.contains("portal") ? Set.of("portal") : Set.of(),
                                CommonWords.of(List.of()))
                        .find(start.plusDays(62), false))
                .extracting(Candidate::label)
                .as("without common words a role is a name")
                .contains("Support");
    }
}
