package org.ewea.scoring.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestItems;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrackedTermsTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static AnnotatedItem item(String url, String title) {
        Instant t = Instant.parse("2026-05-04T10:00:00Z");
        return new AnnotatedItem(TestItems.item(url, title, t, t), ItemAnnotations.NONE);
    }

    @Test
    void acceptedTermsGetSeriesOfTheirOwnAsWholeWordsInAnyCase() {
        var db = STORE.freshDatabase();
        var methodology = new MethodologyLoader().load(null);
        TermRepository terms = new TermRepository(db, new TermExtractor(methodology.lexicon()));
        CandidateDecisions decisions = new CandidateDecisions(db);
        TrackedTerms tracked = new TrackedTerms(decisions, terms, () -> Instant.parse("2026-05-04T12:00:00Z"));
        terms.record(List.of(item("https://t/0", "Researchers saw VenomSpider and Lumma-Ng")));
        assertThat(tracked.seriesOf(item("https://t/1", "VenomSpider again")))
                .as("nothing accepted yet")
                .isEmpty();

        decisions.decide("venomspider", new CandidateDecisions.Decision("ACCEPTED", "ana", Instant.EPOCH, null, null));
        decisions.decide("lumma-ng", new CandidateDecisions.Decision("REJECTED", "ana", Instant.EPOCH, null, null));
        tracked.reload();
        assertThat(tracked.accepted()).containsOnlyKeys("venomspider").containsEntry("venomspider", "VenomSpider");
        assertThat(tracked.seriesOf(item("https://t/2", "the venomspider crew and Lumma-Ng")))
                .containsExactly("term:venomspider");
        assertThat(tracked.seriesOf(item("https://t/3", "VenomSpiders are not the same word")))
                .isEmpty();

        SignalRepository signals = new SignalRepository(
                db,
                new GradeWeights(methodology.grading()),
                MethodologyLoader.cues(methodology.stages()),
                ids -> Set.of(),
                tracked::seriesOf);
        signals.record(List.of(item("https://t/4", "VenomSpider hits a port"), item("https://t/5", "Other news")));
        List<SignalPoint> series =
                signals.daily("term:venomspider", LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-04"));
        assertThat(series.getFirst().count()).isEqualTo(1);
        assertThat(series.getFirst().focused()).isEqualTo(1);
        signals.clearSeries("term:venomspider");
        assertThat(signals.daily("term:venomspider", LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-04"))
                        .getFirst()
                        .count())
                .isZero();
    }
}
