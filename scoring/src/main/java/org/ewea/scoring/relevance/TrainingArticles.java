package org.ewea.scoring.relevance;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.normalise.Digests;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Provenance;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import smile.util.SparseArray;

/**
 * Labelled training text featured as a stored item of an open source is: annotated with the service's lexicon and
 * entities, its language detected, its source grade given.
 */
final class TrainingArticles {

    private static final SourceId TRAINING = new SourceId("training");

    private final Annotator annotator;
    private final LanguageDetector languages;
    private final RelevanceFeatures features = new RelevanceFeatures();

    TrainingArticles(Annotator annotator, LanguageDetector languages) {
        this.annotator = annotator;
        this.languages = languages;
    }

    SparseArray features(String id, String title, String text, AdmiraltyGrade grade) {
        String body = title.isBlank() ? text : title + "\n" + text;
        ItemContext context =
                new ItemContext(grade, false, languages.detect(body).orElse(null));
        String hash = Digests.sha256Hex(body);
        HarmonisedItem item = new HarmonisedItem(
                ItemId.forContent(TRAINING, hash),
                TRAINING,
                null,
                title,
                text,
                context.language(),
                null,
                Instant.EPOCH,
                grade,
                Tlp.CLEAR,
                Handling.NONE,
                hash,
                new Provenance(
                        hash,
                        URI.create("urn:ewea:training:" + URLEncoder.encode(id, StandardCharsets.UTF_8)),
                        Instant.EPOCH));
        AnnotatedItem annotated = annotator.annotate(item);
        return features.of(
                body, annotated.annotations().tags(), annotated.annotations().entities(), context);
    }
}
