package org.ewea.scoring.terms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.methodology.lexicon.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * The terms analysts accepted, tracked as series of their own ({@code term:<key>}) so that they are counted and
 * scored like taxonomy technologies and entities: an item belongs to an accepted term's series when its title or
 * text has the term as a whole word (any case). Reloaded from the decisions when asked to, and at most a minute
 * after another instance accepted or rejected a term. Calls that reload block.
 */
public final class TrackedTerms {

    /** Series of accepted terms start with this. */
    public static final String PREFIX = "term:";

    static final Duration RELOAD = Duration.ofMinutes(1);

    private record Loaded(
            Map<String, String> labels, @Nullable Pattern pattern, Instant at) {}

    private final CandidateDecisions decisions;
    private final TermRepository terms;
    private final InstantSource clock;
    private volatile @Nullable Loaded loaded;

    public TrackedTerms(CandidateDecisions decisions, TermRepository terms, InstantSource clock) {
        this.decisions = decisions;
        this.terms = terms;
        this.clock = clock;
    }

    public static String series(String term) {
        return PREFIX + term;
    }

    /** Reads the accepted terms again. */
    public void reload() {
        Set<String> accepted = decisions.all().entrySet().stream()
                .filter(e -> e.getValue().status().equals("ACCEPTED"))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> labels = new TreeMap<>();
        var index = terms.index(accepted);
        accepted.forEach(term ->
                labels.put(term, index.containsKey(term) ? index.get(term).getString("label") : term));
        Pattern pattern = labels.isEmpty()
                ? null
                : Pattern.compile(
                        "(?<![\\p{L}\\p{N}])("
                                + labels.values().stream().map(Pattern::quote).collect(Collectors.joining("|"))
                                + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        loaded = new Loaded(labels, pattern, clock.instant());
    }

    /** The accepted terms, by key, with their written form. */
    public Map<String, String> accepted() {
        return current().labels();
    }

    /** The series of the accepted terms the item mentions. */
    public Set<String> seriesOf(AnnotatedItem item) {
        Loaded current = current();
        if (current.pattern() == null) {
            return Set.of();
        }
        Set<String> series = new TreeSet<>();
        for (String text : new String[] {item.item().title(), item.item().text()}) {
            Matcher m = current.pattern()
                    .matcher(
                            text.length() > TermExtractor.MAX_CHARS
                                    ? text.substring(0, TermExtractor.MAX_CHARS)
                                    : text);
            while (m.find()) {
                series.add(series(TextFolding.fold(m.group(1)).toLowerCase(Locale.ROOT)));
            }
        }
        series.removeIf(s -> !current.labels().containsKey(s.substring(PREFIX.length())));
        return series;
    }

    private Loaded current() {
        Loaded current = loaded;
        if (current == null || current.at().plus(RELOAD).isBefore(clock.instant())) {
            reload();
            current = loaded;
        }
        return current;
    }
}
