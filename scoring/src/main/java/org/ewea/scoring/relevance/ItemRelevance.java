package org.ewea.scoring.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.ItemId;

/**
 * Scores items for threat relevance as they are stored (online), and rescores every item scored by another model
 * when the model changes (batch). The score is kept on the item ({@code relevance: {probability, model}}). Text
 * beyond the first {@value #MAX_CHARS} characters is not read. All calls block.
 */
public final class ItemRelevance {

    /** The model shipped in the jar: trained on CTI-ANN (CC BY 4.0, see NOTICE), docs/evaluation.md. */
    public static final String SHIPPED = "/org/ewea/scoring/relevance/relevance-model.bin.gz";
    public static final int MAX_CHARS = 100_000;

    private final ItemRepository items;
    private final RelevanceWeights model;
    private final RelevanceFeatures features = new RelevanceFeatures();

    public ItemRelevance(ItemRepository items, RelevanceWeights model) {
        this.items = items;
        this.model = model;
    }

    public static RelevanceWeights shipped() {
        try (InputStream in = ItemRelevance.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the relevance model " + SHIPPED + " is missing from the jar");
            }
            return RelevanceWeights.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String modelId() {
        return model.id();
    }

    public double probability(AnnotatedItem a) {
        String text = a.item().title() + "\n" + a.item().text();
        return model.probability(features.of(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text,
                a.annotations().tags(), a.annotations().entities()));
    }

    /** Scores newly stored items and stores the scores (the stored-items listener). */
    public void record(List<AnnotatedItem> stored) {
        Map<ItemId, Double> scores = new LinkedHashMap<>();
        stored.forEach(a -> scores.put(a.item().id(), probability(a)));
        items.setRelevance(scores, model.id());
    }

    /** Scores every item not scored by this model yet; answers how many. */
    public long rescore() {
        return items.forEachNotScoredBy(model.id(), 500, this::record);
    }
}
