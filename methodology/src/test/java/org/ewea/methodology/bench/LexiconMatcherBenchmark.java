package org.ewea.methodology.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the lexicon matcher with the full default lexicon over real security-news text, one thread. Each
 * operation processes the whole corpus once, so MB/s = ops/s x corpus size. Measured in the same run:
 * <ul>
 * <li>{@code baselineLowercaseScan}: the bare cost of reading the text once (lower-casing each document and
 * counting letters), the floor any matcher pays;</li>
 * <li>{@code naiveRegexAlternation}: the obvious alternative, one case-insensitive regex of every label with word
 * boundaries (no diacritic folding, no inflections), on a tenth of the corpus.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LexiconMatcherBenchmark {

    private List<String> documents;
    private List<String> tenth;
    private LexiconMatcher matcher;
    private Pattern alternation;

    @Setup(Level.Trial)
    public void setUp() {
        BenchmarkTexts.Corpus corpus = BenchmarkTexts.load();
        documents = corpus.documents();
        tenth = documents.subList(0, documents.size() / 10);
        Methodology methodology = new MethodologyLoader().load(null);
        matcher = methodology.lexicon();
        alternation = Pattern.compile(
                "\\b(?:"
                        + methodology.taxonomy().technologies().stream()
                                .flatMap(t -> t.labels().values().stream().flatMap(List::stream))
                                .map(Pattern::quote)
                                .distinct()
                                .collect(Collectors.joining("|"))
                        + ")\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        long bytes = documents.stream()
                .mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length)
                .sum();
        System.out.printf(
                Locale.ROOT,
                "%n# corpus: %s, %d documents, %d chars, %.2f MB UTF-8; lexicon %d terms%n",
                corpus.name(),
                documents.size(),
                corpus.chars(),
                bytes / 1e6,
                matcher.termCount());
    }

    @Benchmark
    public void lexiconMatcher(Blackhole hole) {
        for (String document : documents) {
            hole.consume(matcher.match(document));
        }
    }

    @Benchmark
    public void baselineLowercaseScan(Blackhole hole) {
        for (String document : documents) {
            String lower = document.toLowerCase(Locale.ROOT);
            int letters = 0;
            for (int i = 0; i < lower.length(); i++) {
                if (Character.isLetterOrDigit(lower.charAt(i))) {
                    letters++;
                }
            }
            hole.consume(letters);
        }
    }

    @Benchmark
    public void naiveRegexAlternationOnATenth(Blackhole hole) {
        for (String document : tenth) {
            Matcher m = alternation.matcher(document);
            int found = 0;
            while (m.find()) {
                found++;
            }
            hole.consume(found);
        }
    }
}
