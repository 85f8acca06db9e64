package org.ewea.scoring.terms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.bson.Document;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.lexicon.TextFolding;
import org.ewea.scoring.signal.SignalRepository;

/**
 * Candidates on a day: terms first seen in the {@value #WINDOW_DAYS} days up to it, mentioned by at least
 * {@value #MIN_ITEMS} items from at least {@value #MIN_SOURCES} sources there with an actor noun beside it in
 * {@value #MIN_BESIDE_SOURCES} of them ("the X ransomware", "a group called X": {@link TermExtractor.Term#beside()}), or by at least
 * {@value #MIN_DARK_WEB_ITEMS} items of which one comes from a dark-web source, or by one item of a dark-web source in
 * which it speaks for itself (opens a line as its speaker, as a group does on its own negotiation portal), and first
 * seen at least
 * {@value #WARM_UP_DAYS} days after the store's first item (before that, every word is new to the store). Ranked by
 * sources x ln(1 + items). Rejected terms are left out unless asked for; accepted ones are kept and marked. Names
 * made of common words only ({@link CommonWords}: "Support", "Monday", "READ") are not names; a name greeted or
 * addressed ("Thanks Conti") is the name it holds, and two forms of one name ("Basta", "Black Basta") are one
 * candidate with aliases. All calls block.
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
    /**
     * Open sources: in how many of them the name must stand beside an actor noun. The smallest number that keeps
     * the first two thirds of the s33r news replay within 10 candidates a week (docs/evaluation.md, section 2).
     */
    public static final int MIN_BESIDE_SOURCES = 2;

    private final TermRepository terms;
    private final SignalRepository signals;
    private final CandidateDecisions decisions;
    private final Function<Set<String>, Set<String>> darkWebSources;
    private final CommonWords words;
    private final int minBesideSources;

    /** No dark web and no common words (every name-like term may be a candidate). */
    public CandidateFinder(TermRepository terms, SignalRepository signals, CandidateDecisions decisions) {
        this(terms, signals, decisions, ids -> Set.of(), CommonWords.of(List.of()));
    }

    /**
     * @param darkWebSources of the source ids given, those that are dark-web or underground sources (asked once per
     *     call)
     * @param words the words that are not names ({@link CommonWords})
     */
    public CandidateFinder(
            TermRepository terms,
            SignalRepository signals,
            CandidateDecisions decisions,
            Function<Set<String>, Set<String>> darkWebSources,
            CommonWords words) {
        this(terms, signals, decisions, darkWebSources, words, MIN_BESIDE_SOURCES);
    }

    private CandidateFinder(
            TermRepository terms,
            SignalRepository signals,
            CandidateDecisions decisions,
            Function<Set<String>, Set<String>> darkWebSources,
            CommonWords words,
            int minBesideSources) {
        this.terms = terms;
        this.signals = signals;
        this.decisions = decisions;
        this.darkWebSources = darkWebSources;
        this.words = words;
        this.minBesideSources = minBesideSources;
    }

    /** The same finder asking open-source names to stand beside an actor noun in {@code sources} sources. */
    public CandidateFinder withMinBesideSources(int sources) {
        return new CandidateFinder(terms, signals, decisions, darkWebSources, words, sources);
    }

    /**
     * The candidates as a reader with {@code clearance} may see them: from the items they may read only (counts,
     * sources, first days and the store's start), exactly those of a store holding only those items.
     */
    public CandidateFinder readBy(Clearance clearance) {
        return new CandidateFinder(
                terms.readBy(clearance), signals.readBy(clearance), decisions, darkWebSources, words, minBesideSources);
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
        LocalDate novelFrom = from.isAfter(storeStart.get().plusDays(WARM_UP_DAYS))
                ? from
                : storeStart.get().plusDays(WARM_UP_DAYS);
        Map<String, TermRepository.TermWindow> window = terms.window(from, asOf);
        Set<String> seen = new HashSet<>();
        window.values().forEach(w -> seen.addAll(w.sources()));
        Set<String> darkWeb = seen.isEmpty() ? Set.of() : darkWebSources.apply(seen);
        window.values()
                .removeIf(w -> !(w.items() >= MIN_ITEMS
                                && w.sources().size() >= MIN_SOURCES
                                && w.besideSources().size() >= minBesideSources)
                        && !(w.items() >= MIN_DARK_WEB_ITEMS
                                && w.sources().stream().anyMatch(darkWeb::contains))
                        && w.speakerSources().stream().noneMatch(darkWeb::contains));
        Map<String, Document> index = terms.index(window.keySet());
        Map<String, CandidateDecisions.Decision> decided = decisions.all();
        List<Candidate> found = new ArrayList<>();
        window.forEach((term, w) -> {
            Document entry = index.get(term);
            if (entry == null) {
                return;
            }
            LocalDate firstSeen = LocalDate.parse(entry.getString("firstSeen"));
            CandidateDecisions.Decision decision = decided.get(term);
            String label = entry.getString("label");
            if (firstSeen.isBefore(novelFrom)
                    || firstSeen.isAfter(asOf)
                    || words.wordsOnly(label)
                    || (!includeRejected
                            && decision != null
                            && decision.status().equals("REJECTED"))) {
                return;
            }
            found.add(new Candidate(
                    term,
                    label,
                    firstSeen,
                    w.items(),
                    w.sources().size(),
                    w.sources().stream().sorted().toList(),
                    w.sources().stream().filter(darkWeb::contains).sorted().toList(),
                    w.speakerSources().stream().anyMatch(darkWeb::contains),
                    w.days(),
                    w.sources().size() * Math.log1p(w.items()),
                    decision == null ? "NEW" : decision.status(),
                    decision,
                    asOf,
                    List.of()));
        });
        List<Candidate> candidates = aliasesMerged(found, novelFrom);
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id));
        return candidates;
    }

    /**
     * One candidate per name: a label of several words is read for its core, the label without the common words at
     * either end ("Thanks Conti" is Conti, "Black Basta" is Basta, "Wallet Only Victim" is nothing). A label whose
     * core is a name known before the window is that known name greeted or addressed, not a new one, and is left out;
     * candidates of the window with the same core are the same name written two ways and become one candidate under
     * the label of most words (Black Basta, with Basta as its alias), first seen on the earlier day.
     */
    private List<Candidate> aliasesMerged(List<Candidate> candidates, LocalDate novelFrom) {
        Map<String, String> cores = new HashMap<>();
        for (Candidate c : candidates) {
            cores.put(c.id(), core(c.label()));
        }
        Set<String> outer = new HashSet<>();
        cores.forEach((id, core) -> {
            if (!core.equals(id)) {
                outer.add(core);
            }
        });
        Map<String, Document> coreEntries = outer.isEmpty() ? Map.of() : terms.index(outer);
        Map<String, List<Candidate>> byCore = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            String core = cores.get(c.id());
            Document known = core.equals(c.id()) ? null : coreEntries.get(core);
            if (core.isEmpty()
                    || known != null
                            && LocalDate.parse(known.getString("firstSeen")).isBefore(novelFrom)) {
                continue;
            }
            byCore.computeIfAbsent(core, k -> new ArrayList<>()).add(c);
        }
        List<Candidate> merged = new ArrayList<>();
        byCore.values().forEach(same -> merged.add(same.size() == 1 ? same.getFirst() : merge(same)));
        return merged;
    }

    private static Candidate merge(List<Candidate> same) {
        Candidate head = same.stream()
                .min(Comparator.comparingInt((Candidate c) -> -c.label().split("\\s+").length)
                        .thenComparing(Candidate::firstSeen)
                        .thenComparing(Candidate::id))
                .orElseThrow();
        LocalDate firstSeen = same.stream()
                .map(Candidate::firstSeen)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        long items = same.stream().mapToLong(Candidate::items).max().orElseThrow();
        Set<String> sources = new TreeSet<>();
        Set<String> darkWeb = new TreeSet<>();
        same.forEach(c -> {
            sources.addAll(c.sourceIds());
            darkWeb.addAll(c.darkWebSourceIds());
        });
        List<String> aliases = same.stream()
                .filter(c -> c != head)
                .map(Candidate::label)
                .sorted()
                .toList();
        return new Candidate(
                head.id(),
                head.label(),
                firstSeen,
                items,
                sources.size(),
                List.copyOf(sources),
                List.copyOf(darkWeb),
                same.stream().anyMatch(Candidate::selfNamed),
                same.stream().mapToInt(Candidate::activeDays).max().orElseThrow(),
                sources.size() * Math.log1p(items),
                head.status(),
                head.decision(),
                head.asOf(),
                aliases);
    }

    /** The key of a label without the common words at either end (empty when it has nothing else). */
    private String core(String label) {
        List<String> tokens = new ArrayList<>(List.of(label.strip().split("[\\s.,!?;:]+")));
        tokens.removeIf(String::isEmpty);
        while (!tokens.isEmpty() && words.contains(tokens.getFirst()) && tokens.size() > 1) {
            tokens.removeFirst();
        }
        while (!tokens.isEmpty() && words.contains(tokens.getLast()) && tokens.size() > 1) {
            tokens.removeLast();
        }
        if (tokens.size() == 1 && words.wordsOnly(tokens.getFirst())) {
            return "";
        }
        return TextFolding.fold(String.join(" ", tokens)).toLowerCase(Locale.ROOT);
    }
}
