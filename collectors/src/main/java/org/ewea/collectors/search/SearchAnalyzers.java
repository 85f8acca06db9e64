package org.ewea.collectors.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.ewea.methodology.taxonomy.Taxonomy;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;

/**
 * The analyzers of the item index. Every item's title and text go into {@code all} (standard tokens, lower case,
 * accents folded: good for every language) and into the field of its language, stemmed by that language's analyzer
 * ({@code text_en}, {@code text_de}...). Queries on {@code all} go through a {@link SynonymGraphFilter} fed by the
 * lexicon: every label of a taxonomy technology, in every language, and its acronyms are synonyms of each other, so
 * "voice cloning" also finds "Stimmklonen" and "clonage de voix".
 */
public final class SearchAnalyzers {

    /** Languages with a stemmed field of their own (the others, Polish among them, are searched through {@code all}). */
    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "ru");

    private final Analyzer folding = new FoldingAnalyzer(null);
    private final Analyzer synonyms;
    private final Map<String, Analyzer> languages = Map.of(
            "en",
            new EnglishAnalyzer(),
            "de",
            new GermanAnalyzer(),
            "fr",
            new FrenchAnalyzer(),
            "es",
            new SpanishAnalyzer(),
            "it",
            new ItalianAnalyzer(),
            "nl",
            new DutchAnalyzer(),
            "ru",
            new RussianAnalyzer());

    public SearchAnalyzers(Taxonomy taxonomy) {
        this.synonyms = new FoldingAnalyzer(synonymMap(taxonomy));
    }

    /** Indexing and querying {@code all} without synonyms. */
    public Analyzer folding() {
        return folding;
    }

    /** Querying {@code all} with the lexicon's synonyms. */
    public Analyzer synonyms() {
        return synonyms;
    }

    /** The stemming analyzer of a language with a field of its own. */
    public Analyzer language(String language) {
        return languages.get(language);
    }

    private SynonymMap synonymMap(Taxonomy taxonomy) {
        SynonymMap.Builder builder = new SynonymMap.Builder(true);
        for (Technology t : taxonomy.technologies()) {
            Set<String> group = new LinkedHashSet<>();
            t.labels().values().forEach(labels -> labels.forEach(label -> add(group, label)));
            t.acronyms().forEach(acronym -> add(group, acronym));
            List<CharsRef> terms = new ArrayList<>();
            for (String label : group) {
                CharsRef analysed = analyse(label);
                if (analysed != null) {
                    terms.add(analysed);
                }
            }
            for (CharsRef a : terms) {
                for (CharsRef b : terms) {
                    if (!a.equals(b)) {
                        builder.add(a, b, true);
                    }
                }
            }
        }
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the synonym map from the lexicon", e);
        }
    }

    private static void add(Set<String> group, String label) {
        if (!label.isBlank()) {
            group.add(label.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** The label as the folding analyzer tokenises it, words joined as the synonym map wants; null if no token. */
    private @Nullable CharsRef analyse(String label) {
        CharsRefBuilder joined = new CharsRefBuilder();
        try (TokenStream tokens = folding.tokenStream("all", label)) {
            var term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            List<String> words = new ArrayList<>();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
            if (words.isEmpty()) {
                return null;
            }
            return SynonymMap.Builder.join(words.toArray(String[]::new), joined);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard tokens, lower case, accents folded; with synonyms when given a map. */
    private static final class FoldingAnalyzer extends Analyzer {

        private final @Nullable SynonymMap synonyms;

        FoldingAnalyzer(@Nullable SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            if (synonyms != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
