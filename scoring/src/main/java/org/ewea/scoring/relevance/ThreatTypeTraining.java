package org.ewea.scoring.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.methodology.AdmiraltyGrade;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trains the threat-type model from labelled articles an operator supplies: a JSON Lines file, one article per line
 * with {@code title} and {@code text} (either may be empty, not both) and {@code event_types}, an array of type names
 * (the CASIE corpus's form; an article with no type is a negative for every type). Articles are annotated and
 * featured as stored items are (lexicon, entities, language; ungraded open source). The types are those the file
 * names, in alphabetical order; the model id is {@code threat-types-} and the first 12 hex digits of the file's
 * SHA-256, so the same file gives the same id and the same model (training is deterministic). CASIE itself may not be
 * redistributed, which is why no threat-type model ships: each install trains its own from the file it is given.
 */
public final class ThreatTypeTraining {

    /** At most this many articles are read. */
    public static final int MAX_ARTICLES = 100_000;
    /** A type needs at least this many articles with it and this many without to be trained. */
    public static final int MIN_PER_CLASS = 5;

    private final TrainingArticles articles;
    private final JsonMapper json = JsonMapper.builder().build();

    public ThreatTypeTraining(Annotator annotator, LanguageDetector languages) {
        this.articles = new TrainingArticles(annotator, languages);
    }

    /** An article as an example: its features (as a stored item's, ungraded) and its types. */
    public ThreatTypeModel.TypedExample example(String id, String title, String text, Set<String> types) {
        return new ThreatTypeModel.TypedExample(articles.features(id, title, text, AdmiraltyGrade.UNGRADED), types);
    }

    /** The labelled articles of the file; a line that is not such an article stops the reading, naming the line. */
    public List<ThreatTypeModel.TypedExample> read(Path file) {
        List<ThreatTypeModel.TypedExample> examples = new ArrayList<>();
        int number = 0;
        try (var lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (examples.size() == MAX_ARTICLES) {
                    throw new IllegalArgumentException(file + ": more than " + MAX_ARTICLES + " articles");
                }
                examples.add(article(line, file, number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read threat-type training data " + file, e);
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException(file + ": no article in the file");
        }
        return examples;
    }

    private ThreatTypeModel.TypedExample article(String line, Path file, int number) {
        JsonNode article;
        try {
            article = json.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    file + " line " + number + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (article == null || !article.isObject()) {
            throw new IllegalArgumentException(file + " line " + number + ": not a JSON object");
        }
        String title = article.path("title").asString("");
        String text = article.path("text").asString("");
        if (title.isBlank() && text.isBlank()) {
            throw new IllegalArgumentException(file + " line " + number + ": no title and no text");
        }
        JsonNode types = article.path("event_types");
        if (!types.isArray()) {
            throw new IllegalArgumentException(file + " line " + number + ": event_types must be an array of names");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode t : types) {
            if (!t.isString() || !t.asString().matches("[A-Za-z][A-Za-z0-9_-]{0,39}")) {
                throw new IllegalArgumentException(file + " line " + number + ": event type " + t
                        + " is not a name (letters, digits, _ or -, at most 40)");
            }
            names.add(t.asString());
        }
        String id = article.path("id").asString("line-" + number);
        return example("training:" + id, title, text, names);
    }

    /** Trains on the file's articles; every type with too few examples either way is named in the error. */
    public ThreatTypes train(Path file) {
        List<ThreatTypeModel.TypedExample> examples = read(file);
        Set<String> types = new TreeSet<>();
        examples.forEach(e -> types.addAll(e.types()));
        List<String> tooFew = new ArrayList<>();
        for (String type : types) {
            long with = examples.stream().filter(e -> e.types().contains(type)).count();
            if (with < MIN_PER_CLASS || examples.size() - with < MIN_PER_CLASS) {
                tooFew.add(type + " (" + with + " of " + examples.size() + ")");
            }
        }
        if (types.isEmpty() || !tooFew.isEmpty()) {
            throw new IllegalArgumentException(file + ": every type needs at least " + MIN_PER_CLASS
                    + " articles with it and " + MIN_PER_CLASS + " without; "
                    + (types.isEmpty() ? "no article names a type" : "too few for " + String.join(", ", tooFew)));
        }
        return ThreatTypeModel.train(List.copyOf(types), examples, RelevanceModel.DEFAULT_OPTIONS)
                .weights("threat-types-" + sha256(file).substring(0, 12));
    }

    private static String sha256(Path file) {
        try {
            return Digests.sha256Hex(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read threat-type training data " + file, e);
        }
    }
}
