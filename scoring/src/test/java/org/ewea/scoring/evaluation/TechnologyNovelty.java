package org.ewea.scoring.evaluation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ewea.methodology.authority.AuthorityWarning;
import org.ewea.methodology.authority.AuthorityWarnings;
import org.ewea.scoring.warning.EarlyWarningScore;

/**
 * Section 1b: novelty of taxonomy technologies against the authorities' record. Every day's technology scores are
 * read: a *novelty false alarm* is a technology shown as a weak signal on a day authorities had already warned of it;
 * the stage tracker's own readings that the record corrected (weak signal lifted to established) are counted beside
 * it, to show what the record prevents.
 */
final class TechnologyNovelty {

    /** One technology over the replay. */
    record Row(
            String technology,
            Optional<AuthorityWarning> warning,
            LocalDate firstScored,
            int days,
            int falseAlarms,
            int corrected,
            int earlyDays) {}

    private final Map<String, Row> rows = new TreeMap<>();

    void day(EarlyWarningScore s, AuthorityWarnings authorities) {
        Optional<AuthorityWarning> warning = authorities.first(s.series());
        boolean known = warning.filter(w -> !w.date().isAfter(s.asOf())).isPresent();
        boolean falseAlarm = known && s.stage().stage().equals("weak-signal");
        boolean corrected = s.stage().rationale().startsWith("authorities warned of it");
        boolean early = warning.isPresent() && !known;
        rows.merge(
                s.series(),
                new Row(s.series(), warning, s.asOf(), 1, falseAlarm ? 1 : 0, corrected ? 1 : 0, early ? 1 : 0),
                (a, b) -> new Row(
                        a.technology(),
                        a.warning(),
                        a.firstScored().isBefore(b.firstScored()) ? a.firstScored() : b.firstScored(),
                        a.days() + b.days(),
                        a.falseAlarms() + b.falseAlarms(),
                        a.corrected() + b.corrected(),
                        a.earlyDays() + b.earlyDays()));
    }

    Map<String, Row> rows() {
        return rows;
    }

    int falseAlarms() {
        return rows.values().stream().mapToInt(Row::falseAlarms).sum();
    }

    int corrected() {
        return rows.values().stream().mapToInt(Row::corrected).sum();
    }

    int days() {
        return rows.values().stream().mapToInt(Row::days).sum();
    }
}
