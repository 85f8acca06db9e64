package org.ewea.scoring.terms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.ewea.scoring.signal.SignalRepository;

/**
 * Candidates on a day: terms first seen in the {@value #WINDOW_DAYS} days up to it, mentioned by at least
 * {@value #MIN_ITEMS} items from at least {@value #MIN_SOURCES} sources there, or by at least
 * {@value #MIN_DARK_WEB_ITEMS} items of which one comes from a dark-web source, or by one item of a dark-web source in
 * which it speaks for itself (opens a line as its speaker, as a group does on its own negotiation portal), and first
 * seen at least
 * {@value #WARM_UP_DAYS} days after the store's first item (before that, every word is new to the store). Ranked by
 * sources x ln(1 + items). Rejected terms are left out unless asked for; accepted ones are kept and marked.
 * All calls block.
 *
 * <p>Why dark-web evidence needs less: open sources repeat each other, so a name becomes telling only when several
 * of them carry it; an underground source (a negotiation portal, a leak site, a forum) is where a new group or
 * service speaks for itself, often alone and rarely, so a name recurring there is telling by itself. The threshold
 * is the evidence the shipped emergence alert rule asks for (two items). A name that speaks for itself there needs
 * no second item: a party to a negotiation portal's conversations calling itself by a name nobody used before is a
 * group announcing itself.
 */
public final class CandidateFinder {

    public static final int WINDOW_DAYS = 28;
    public static final int MIN_ITEMS = 3;
    public static final int MIN_SOURCES = 2;
    public static final int MIN_DARK_WEB_ITEMS = 2;
    public static final int WARM_UP_DAYS = 28;

    private final TermRepository terms;
    private final SignalRepository signals;
    private final CandidateDecisions decisions;
    private final Function<Set<String>, Set<String>> darkWebSources;

    /** As {@link #CandidateFinder(TermRepository, SignalRepository, CandidateDecisions, Function)}, no dark web. */
    public CandidateFinder(TermRepository terms, SignalRepository signals, CandidateDecisions decisions) {
        this(terms, signals, decisions, ids -> Set.of());
    }

    /**
     * @param darkWebSources of the source ids given, those that are dark-web or underground sources (asked once per
     *     call)
     */
    public CandidateFinder(TermRepository terms, SignalRepository signals, CandidateDecisions decisions,
            Function<Set<String>, Set<String>> darkWebSources) {
        this.terms = terms;
        this.signals = signals;
        this.decisions = decisions;
        this.darkWebSources = darkWebSources;
    }

    /**
     * The candidates as a reader with {@code clearance} may see them: from the items they may read only (counts,
     * sources, first days and the store's start), exactly those of a store holding only those items.
     */
    public CandidateFinder readBy(org.ewea.methodology.Clearance clearance) {
        return new CandidateFinder(terms.readBy(clearance), signals.readBy(clearance), decisions, darkWebSources);
    }

    /** Whether any item ever mentioned the term. */
    public boolean known(String term) {
        return !terms.index(Set.of(term)).isEmpty();
    }

    /** The form the term was first written in (the key itself if unknown). */
    public String label(String term) {
        Document entry = terms.index(Set.of(term)).get(term);
        return entry == null ? term : entry.getString("label");
    }

    /** @param includeRejected whether rejected terms are listed too */
    public List<Candidate> find(LocalDate asOf, boolean includeRejected) {
        Optional<LocalDate> storeStart = signals.firstSeen(SignalRepository.ALL_ITEMS);
        if (storeStart.isEmpty()) {
            return List.of();
        }
        LocalDate from = asOf.minusDays(WINDOW_DAYS - 1);
        LocalDate novelFrom = from.isAfter(storeStart.get().plusDays(WARM_UP_DAYS)) ? from
                : storeStart.get().plusDays(WARM_UP_DAYS);
        Map<String, TermRepository.TermWindow> window = terms.window(from, asOf);
        Set<String> seen = new HashSet<>();
        window.values().forEach(w -> seen.addAll(w.sources()));
        Set<String> darkWeb = seen.isEmpty() ? Set.of() : darkWebSources.apply(seen);
        window.values().removeIf(w -> !(w.items() >= MIN_ITEMS && w.sources().size() >= MIN_SOURCES)
                && !(w.items() >= MIN_DARK_WEB_ITEMS && w.sources().stream().anyMatch(darkWeb::contains))
                && w.speakerSources().stream().noneMatch(darkWeb::contains));
        Map<String, Document> index = terms.index(window.keySet());
        Map<String, CandidateDecisions.Decision> decided = decisions.all();
        List<Candidate> candidates = new ArrayList<>();
        window.forEach((term, w) -> {
            Document entry = index.get(term);
            if (entry == null) {
                return;
            }
            LocalDate firstSeen = LocalDate.parse(entry.getString("firstSeen"));
            CandidateDecisions.Decision decision = decided.get(term);
            if (firstSeen.isBefore(novelFrom) || firstSeen.isAfter(asOf)
                    || (!includeRejected && decision != null && decision.status().equals("REJECTED"))) {
                return;
            }
            candidates.add(new Candidate(term, entry.getString("label"), firstSeen, w.items(), w.sources().size(),
                    w.sources().stream().sorted().toList(), w.sources().stream().filter(darkWeb::contains).sorted()
                            .toList(), w.speakerSources().stream().anyMatch(darkWeb::contains), w.days(),
                    w.sources().size() * Math.log1p(w.items()),
                    decision == null ? "NEW" : decision.status(), decision, asOf));
        });
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id));
        return candidates;
    }
}
