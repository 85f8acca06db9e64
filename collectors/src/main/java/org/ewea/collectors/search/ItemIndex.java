package org.ewea.collectors.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.ewea.methodology.taxonomy.Taxonomy;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;

/**
 * The full-text index of items (Apache Lucene, embedded): the store has no usable text index, so this one is kept in
 * step with it (items are added as they are stored, and rebuilt from the store when the counts differ) and can
 * always be rebuilt from it. Text is searched in every language with the lexicon's synonyms ({@link SearchAnalyzers});
 * a query that names a taxonomy technology in any language also finds the items tagged with it. Query text is only
 * ever analysed as words, never parsed as syntax, so operators in it ({@code {"$gt": ""}}, {@code AND}, {@code *})
 * are plain text. Thread-safe.
 */
public final class ItemIndex implements AutoCloseable {

    public static final List<String> FACETS =
            List.of("technology", "crimeArea", "source", "language", "grade", "month");
    static final int MAX_FACET_VALUES = 20;
    /**
     * The shape of the indexed documents, kept in the commit data: an index written in another shape is emptied on
     * open, and the store-count check then rebuilds it (2: items carry their handling code).
     */
    static final String FORMAT = "2";

    private static final String FORMAT_KEY = "ewea.format";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SearchAnalyzers analyzers;
    private final LexiconMatcher lexicon;
    private final Taxonomy taxonomy;
    private final FacetsConfig facets = new FacetsConfig();

    private ItemIndex(Directory directory, SearchAnalyzers analyzers, LexiconMatcher lexicon, Taxonomy taxonomy) {
        this.directory = directory;
        this.analyzers = analyzers;
        this.lexicon = lexicon;
        this.taxonomy = taxonomy;
        facets.setMultiValued("technology", true);
        facets.setMultiValued("crimeArea", true);
        Map<String, Analyzer> fields = new HashMap<>();
        fields.put("all", analyzers.folding());
        SearchAnalyzers.LANGUAGES.forEach(l -> fields.put("text_" + l, analyzers.language(l)));
        try {
            writer = new IndexWriter(
                    directory,
                    new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzers.folding(), fields))
                            .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            Map<String, String> committed = new HashMap<>();
            Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
            if (data != null) {
                data.forEach(e -> committed.put(e.getKey(), e.getValue()));
            }
            if (!FORMAT.equals(committed.get(FORMAT_KEY))) {
                writer.deleteAll();
            }
            writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    /** The index in a directory on disk (created if needed; one process at a time). */
    public static ItemIndex open(Path path, SearchAnalyzers analyzers, LexiconMatcher lexicon, Taxonomy taxonomy) {
        try {
            return new ItemIndex(FSDirectory.open(path), analyzers, lexicon, taxonomy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + path, e);
        }
    }

    /** An index in memory (tests). */
    public static ItemIndex inMemory(SearchAnalyzers analyzers, LexiconMatcher lexicon, Taxonomy taxonomy) {
        return new ItemIndex(new ByteBuffersDirectory(), analyzers, lexicon, taxonomy);
    }

    /**
     * Adds or replaces the items and makes them searchable at once (near-real-time); they are made durable by the next
     * {@link #commit()} or {@link #close()} (after a crash the store and the index disagree, and the index is rebuilt).
     */
    public void index(List<AnnotatedItem> items) {
        try {
            for (AnnotatedItem item : items) {
                writer.updateDocument(new Term("id", item.item().id().value()), facets.build(document(item)));
            }
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index items", e);
        }
    }

    /** Empties the index and indexes every stored item again; the number indexed. */
    public long rebuild(ItemRepository items) {
        try {
            writer.deleteAll();
            long count = items.forEachAnnotated(500, batch -> {
                try {
                    for (AnnotatedItem item : batch) {
                        // by id: an item the capture pipeline indexes meanwhile is replaced, not doubled
                        writer.updateDocument(new Term("id", item.item().id().value()), facets.build(document(item)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.commit();
            searchers.maybeRefresh();
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the search index", e);
        }
    }

    /** Makes what was indexed durable. */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the search index", e);
        }
    }

    /** Items in the index. */
    public long count() {
        return writer.getDocStats().numDocs;
    }

    private Document document(AnnotatedItem annotated) {
        HarmonisedItem item = annotated.item();
        Document doc = new Document();
        doc.add(new StringField("id", item.id().value(), Field.Store.YES));
        doc.add(new StringField("tlp", item.tlp().name(), Field.Store.NO));
        doc.add(new DoublePoint("handling", item.handling().restriction()));
        String text = item.title() + "\n" + item.text();
        doc.add(new TextField("all", text, Field.Store.NO));
        String language = item.language();
        if (language != null && SearchAnalyzers.LANGUAGES.contains(language)) {
            doc.add(new TextField("text_" + language, text, Field.Store.NO));
        }
        Instant when = item.published() != null ? item.published() : item.captured();
        LocalDate day = LocalDate.ofInstant(when, ZoneOffset.UTC);
        doc.add(new LongPoint("day", day.toEpochDay()));
        doc.add(new NumericDocValuesField("day", day.toEpochDay()));
        Set<String> crimeAreas = new LinkedHashSet<>();
        for (ItemAnnotations.Tag tag : annotated.annotations().tags()) {
            doc.add(new StringField("technology", tag.technology(), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField("technology", tag.technology()));
            taxonomy.find(tag.technology()).ifPresent(t -> crimeAreas.addAll(t.crimeAreas()));
        }
        for (String area : crimeAreas) {
            doc.add(new StringField("crimeArea", area, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField("crimeArea", area));
        }
        facet(doc, "source", item.sourceId().value());
        facet(doc, "language", language == null ? "unknown" : language);
        facet(doc, "grade", item.grading().code());
        facet(doc, "month", day.toString().substring(0, 7));
        return doc;
    }

    private static void facet(Document doc, String name, String value) {
        doc.add(new StringField(name, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(name, value));
    }

    public SearchResult search(SearchQuery q) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(
                new TermInSetQuery(
                        "tlp",
                        Tlp.atMost(q.clearance().tlp()).stream()
                                .map(t -> new BytesRef(t.name()))
                                .toList()),
                Occur.FILTER);
        query.add(
                DoublePoint.newRangeQuery(
                        "handling",
                        Double.NEGATIVE_INFINITY,
                        q.clearance().handling().restriction() + 1e-9),
                Occur.FILTER);
        filter(query, "technology", q.technology());
        filter(query, "crimeArea", q.crimeArea());
        filter(query, "source", q.source());
        filter(query, "language", q.language());
        filter(query, "grade", q.grade());
        if (q.from() != null || q.to() != null) {
            query.add(
                    LongPoint.newRangeQuery(
                            "day",
                            q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay(),
                            q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay()),
                    Occur.FILTER);
        }
        boolean text = q.text() != null && !q.text().isBlank();
        if (text) {
            query.add(textQuery(q.text()), Occur.MUST);
        } else {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int wanted = Math.max(1, (q.page() + 1) * q.size());
                FacetsCollectorManager.FacetsResult found = text
                        ? FacetsCollectorManager.search(searcher, query.build(), wanted, new FacetsCollectorManager())
                        : FacetsCollectorManager.search(
                                searcher,
                                query.build(),
                                wanted,
                                new Sort(new SortField("day", SortField.Type.LONG, true)),
                                new FacetsCollectorManager());
                TopDocs top = found.topDocs();
                List<String> ids = new ArrayList<>();
                ScoreDoc[] hits = top.scoreDocs;
                var stored = searcher.storedFields();
                for (int i = q.page() * q.size(); i < hits.length; i++) {
                    ids.add(stored.document(hits[i].doc).get("id"));
                }
                return new SearchResult(ids, top.totalHits.value(), facetCounts(searcher, found));
            } finally {
                searchers.release(searcher);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new IllegalArgumentException(
                    "the search has too many words: it expands to more than " + IndexSearcher.getMaxClauseCount()
                            + " clauses across languages and synonyms",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private Query textQuery(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        Query words = new QueryBuilder(analyzers.synonyms()).createBooleanQuery("all", text, Occur.MUST);
        if (words != null) {
            any.add(words, Occur.SHOULD);
        }
        Query phrase = new QueryBuilder(analyzers.synonyms()).createPhraseQuery("all", text);
        if (phrase != null) {
            any.add(new BoostQuery(phrase, 2f), Occur.SHOULD);
        }
        for (String language : SearchAnalyzers.LANGUAGES) {
            Query stemmed = new QueryBuilder(analyzers.language(language))
                    .createBooleanQuery("text_" + language, text, Occur.MUST);
            if (stemmed != null) {
                any.add(stemmed, Occur.SHOULD);
            }
        }
        // a technology named in any language: its tagged items too
        Set<String> named = new LinkedHashSet<>();
        lexicon.match(text).forEach(m -> named.add(m.technologyId()));
        for (String technology : named) {
            any.add(new BoostQuery(new TermQuery(new Term("technology", technology)), 1.5f), Occur.SHOULD);
        }
        BooleanQuery built = any.build();
        return built.clauses().isEmpty() ? new TermQuery(new Term("id", "\u0000none")) : built;
    }

    private static void filter(BooleanQuery.Builder query, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private Map<String, List<SearchResult.FacetCount>> facetCounts(
            IndexSearcher searcher, FacetsCollectorManager.FacetsResult found) throws IOException {
        Map<String, List<SearchResult.FacetCount>> counts = new LinkedHashMap<>();
        FACETS.forEach(f -> counts.put(f, List.of()));
        if (found.topDocs().totalHits.value() == 0) {
            return counts;
        }
        var state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facets);
        Facets counted = new SortedSetDocValuesFacetCounts(state, found.facetsCollector());
        for (String facet : FACETS) {
            FacetResult result;
            try {
                result = counted.getTopChildren(MAX_FACET_VALUES, facet);
            } catch (IllegalArgumentException e) {
                continue; // no document has this facet yet
            }
            if (result != null) {
                List<SearchResult.FacetCount> values = new ArrayList<>();
                for (LabelAndValue lv : result.labelValues) {
                    values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
                }
                counts.put(facet, values);
            }
        }
        return counts;
    }

    /** The technologies a query names (for clients to show what was expanded). */
    public List<Technology> named(String text) {
        Set<String> ids = new LinkedHashSet<>();
        lexicon.match(text).forEach(m -> ids.add(m.technologyId()));
        return ids.stream().map(taxonomy::find).flatMap(Optional::stream).toList();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
