package org.ewea.collectors.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.lexicon.LexiconMatch;
import org.ewea.methodology.lexicon.LexiconMatcher;

/** Annotates items: taxonomy tags (lexicon matches in title and text) and entities. Thread-safe. */
public final class Annotator {

    private final LexiconMatcher lexicon;
    private final String methodologyVersion;
    private final EntityExtractor entities;

    public Annotator(LexiconMatcher lexicon, String methodologyVersion, EntityExtractor entities) {
        this.lexicon = lexicon;
        this.methodologyVersion = methodologyVersion;
        this.entities = entities;
    }

    public AnnotatedItem annotate(HarmonisedItem item) {
        String text = item.title() + "\n" + item.text();
        Map<String, ItemAnnotations.Tag> tags = new LinkedHashMap<>();
        for (LexiconMatch match : lexicon.match(text)) {
            tags.merge(
                    match.technologyId(),
                    new ItemAnnotations.Tag(match.technologyId(), 1, match.start(), match.term()),
                    (a, b) -> new ItemAnnotations.Tag(a.technology(), a.count() + 1, a.firstOffset(), a.term()));
        }
        return new AnnotatedItem(
                item, new ItemAnnotations(new ArrayList<>(tags.values()), entities.extract(text), methodologyVersion));
    }

    public List<AnnotatedItem> annotate(List<HarmonisedItem> items) {
        return items.stream().map(this::annotate).toList();
    }
}
