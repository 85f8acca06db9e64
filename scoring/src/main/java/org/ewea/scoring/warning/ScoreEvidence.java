package org.ewea.scoring.warning;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.Clearance;

/**
 * The items behind a score: the newest items of the score's 28 days that are tagged with its technology or mention its
 * entity, or, for a name (an accepted or warned term), the newest that contain it since its first mention; of those a
 * reader is cleared for. Blocks (reads the items).
 */
public final class ScoreEvidence {

    private final ItemRepository items;

    public ScoreEvidence(ItemRepository items) {
        this.items = items;
    }

    /** Up to {@code limit} items, newest first, marked at most {@code clearance}. */
    public List<AnnotatedItem> newest(EarlyWarningScore score, int limit, Clearance clearance) {
        Instant to = score.asOf().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant from = to.minus(Duration.ofDays(EarlyWarningScorer.ACTIVE_DAYS));
        return switch (score.kind()) {
            case "technology" -> items.taggedWith(score.series(), from, to, limit, clearance);
            // a name speaks rarely: its evidence reaches back to its first mention in the history scored
            case "term" ->
                items.containing(
                        score.label(),
                        score.firstSeen() == null
                                ? from
                                : score.firstSeen().atStartOfDay().toInstant(ZoneOffset.UTC),
                        to,
                        limit,
                        clearance);
            default -> items.mentioning(score.kind(), score.label(), from, to, limit, clearance);
        };
    }
}
