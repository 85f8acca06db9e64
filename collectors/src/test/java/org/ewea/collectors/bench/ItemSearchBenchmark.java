package org.ewea.collectors.bench;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.search.ItemIndex;
import org.ewea.collectors.search.SearchAnalyzers;
import org.ewea.collectors.search.SearchQuery;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Provenance;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.bench.BenchmarkTexts;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Searching items: the Lucene index (synonyms, stemming, facets, TLP filter, first page of 20) against the bare
 * baseline of scanning every item's lower-cased text for the query's words, over the same corpus in the same run.
 * One operation answers all of {@link #QUERIES} once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ItemSearchBenchmark {

    static final List<String> QUERIES = List.of(
            "ransomware",
            "voice cloning",
            "phishing kit",
            "data breach",
            "zero-day exploit",
            "cryptocurrency mixer",
            "deepfake",
            "botnet takedown",
            "supply chain attack",
            "credential stuffing");

    private ItemIndex index;
    private List<String> lowered;

    @Setup(Level.Trial)
    public void index() {
        Methodology methodology = new MethodologyLoader().load(null);
        Annotator annotator = TestAnnotators.defaults();
        BenchmarkTexts.Corpus corpus = BenchmarkTexts.load();
        List<AnnotatedItem> items = new ArrayList<>();
        lowered = new ArrayList<>();
        Instant when = Instant.parse("2026-03-01T00:00:00Z");
        int i = 0;
        for (String document : corpus.documents()) {
            String url = "https://bench.example/" + i++;
            int split = document.indexOf('\n');
            String title = split < 0 ? document : document.substring(0, split);
            String text = split < 0 ? "" : document.substring(split + 1);
            items.add(annotator.annotate(new HarmonisedItem(
                    ItemId.forUrl(new SourceId("bench-" + i % 50), url),
                    new SourceId("bench-" + i % 50),
                    url,
                    title,
                    text,
                    "en",
                    when.plusSeconds(i * 60L),
                    when.plusSeconds(i * 60L),
                    AdmiraltyGrade.parse("B2"),
                    i % 5 == 0 ? Tlp.AMBER : Tlp.CLEAR,
                    Handling.NONE,
                    Digests.sha256Hex(document),
                    new Provenance(Digests.sha256Hex(url), URI.create(url), when))));
            lowered.add(document.toLowerCase(Locale.ROOT));
        }
        index = ItemIndex.inMemory(
                new SearchAnalyzers(methodology.taxonomy()), methodology.lexicon(), methodology.taxonomy());
        index.index(items);
        System.out.printf(Locale.ROOT, "%nindexed %d items of %s%n", items.size(), corpus.name());
    }

    @TearDown(Level.Trial)
    public void close() {
        index.close();
    }

    @Benchmark
    public long luceneSearch() {
        long found = 0;
        for (String q : QUERIES) {
            found += index.search(new SearchQuery(
                            q, null, null, null, null, null, null, null, Clearance.of(Tlp.GREEN), 0, 20))
                    .total();
        }
        return found;
    }

    @Benchmark
    public long baselineScanAllWords() {
        long found = 0;
        for (String q : QUERIES) {
            String[] words = q.split(" ");
            for (String text : lowered) {
                boolean all = true;
                for (String word : words) {
                    if (!text.contains(word)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    found++;
                }
            }
        }
        return found;
    }
}
