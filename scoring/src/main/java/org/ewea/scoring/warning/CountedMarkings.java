package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.TermRepository;

/**
 * The markings and handling codes of every item a score counted: every day its score and stage were read from (as
 * {@link EarlyWarningScorer} reads them). Whatever quotes a score, its stage or its counts (an alert, a digest line)
 * is marked with these at least, so no count tells a reader of material above their clearance; the same for the
 * days a novel term was counted. Blocks.
 */
public final class CountedMarkings {

    private final SignalRepository signals;
    private final TermRepository terms;

    public CountedMarkings(SignalRepository signals, TermRepository terms) {
        this.signals = signals;
        this.terms = terms;
    }

    /** The markings of every item counted in the days the score read. */
    public Set<SignalRepository.Marking> of(EarlyWarningScore score) {
        return signals.markings(
                score.series(), score.asOf().minusWeeks(StageTracker.WEEKS).minusDays(SeriesWindow.DAYS), score.asOf());
    }

    /**
     * The most restrictive TLP and handling code of the items a line cites and of every item its score counted: what
     * an alert or digest line quoting the score is marked with.
     */
    public SignalRepository.Marking mostRestrictive(EarlyWarningScore score, List<AnnotatedItem> cited) {
        List<Tlp> tlps = new ArrayList<>();
        List<Handling> codes = new ArrayList<>();
        cited.forEach(i -> {
            tlps.add(i.item().tlp());
            codes.add(i.item().handling());
        });
        of(score).forEach(m -> {
            tlps.add(m.tlp());
            codes.add(m.handling());
        });
        return new SignalRepository.Marking(Tlp.mostRestrictive(tlps), Handling.mostRestrictive(codes));
    }

    /** The markings of every item a novel term was counted in between two days, inclusive. */
    public Set<TermRepository.PartMarking> ofTerm(String term, LocalDate from, LocalDate to) {
        return terms.markings(term, from, to);
    }
}
