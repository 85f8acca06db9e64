package org.ewea.scoring.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.ItemId;
import org.jspecify.annotations.Nullable;
import smile.util.SparseArray;

/**
 * Scores items for threat relevance, and when a threat-type model is given the kinds of threat event they report, as
 * they are stored (online), and rescores every item scored by other models when a model changes (batch). The score
 * is kept on the item ({@code relevance: {probability, model, threatTypes}}). Text
 * beyond the first {@value #MAX_CHARS} characters is not read. All calls block.
 */
public final class ItemRelevance {

    /** The model shipped in the jar: trained on CTI-ANN (CC BY 4.0, see NOTICE), docs/evaluation.md. */
    public static final String SHIPPED = "/org/ewea/scoring/relevance/relevance-model.bin.gz";

    public static final int MAX_CHARS = 100_000;

    private final ItemRepository items;
    private volatile RelevanceWeights model;
    private final Function<Set<String>, Set<String>> darkWebSources;
    private final @Nullable ThreatTypes threatTypes;
    private final RelevanceFeatures features = new RelevanceFeatures();

    /** As {@link #ItemRelevance(ItemRepository, RelevanceWeights, Function)}, with no dark-web source. */
    public ItemRelevance(ItemRepository items, RelevanceWeights model) {
        this(items, model, ids -> Set.of());
    }

    /**
     * @param darkWebSources of the source ids given, those that are dark-web or underground sources (asked once per
     *     batch of items)
     */
    public ItemRelevance(
            ItemRepository items, RelevanceWeights model, Function<Set<String>, Set<String>> darkWebSources) {
        this(items, model, darkWebSources, null);
    }

    /**
     * @param threatTypes the threat-type model, or null for none (then items get no types)
     */
    public ItemRelevance(
            ItemRepository items,
            RelevanceWeights model,
            Function<Set<String>, Set<String>> darkWebSources,
            @Nullable ThreatTypes threatTypes) {
        this.items = items;
        this.model = model;
        this.darkWebSources = darkWebSources;
        this.threatTypes = threatTypes;
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

    /** The id stored with every item scored: the relevance model's, and the threat-type model's after a "+". */
    public String modelId() {
        return modelId(model);
    }

    private String modelId(RelevanceWeights weights) {
        return threatTypes == null ? weights.id() : weights.id() + "+" + threatTypes.id();
    }

    /** The relevance model in use. */
    public RelevanceWeights model() {
        return model;
    }

    /**
     * Scores with {@code weights} from now on (a retrained model was approved); answers whether that changed the
     * model. Items scored before keep their scores until {@link #rescore()}.
     */
    public boolean use(RelevanceWeights weights) {
        if (weights.id().equals(model.id())) {
            return false;
        }
        model = weights;
        return true;
    }

    /** The features of each item as this service scores them (its source's dark-web flag read once). */
    public List<SparseArray> features(List<AnnotatedItem> annotated) {
        Set<String> darkWeb = darkWebSources.apply(
                annotated.stream().map(a -> a.item().sourceId().value()).collect(Collectors.toSet()));
        return annotated.stream()
                .map(a -> features(a, darkWeb.contains(a.item().sourceId().value())))
                .toList();
    }

    /** The threat-type model in use, if any. */
    public Optional<ThreatTypes> threatTypes() {
        return Optional.ofNullable(threatTypes);
    }

    /** The probability that the item is threat-relevant, its source being a dark-web one or not. */
    public double probability(AnnotatedItem a, boolean darkWeb) {
        return model.probability(features(a, darkWeb));
    }

    /** An item's relevance and threat types as they are stored, from its features. */
    private AnnotatedItem.Relevance score(SparseArray f, RelevanceWeights current) {
        return new AnnotatedItem.Relevance(
                current.probability(f), modelId(current), threatTypes == null ? List.of() : threatTypes.of(f));
    }

    private SparseArray features(AnnotatedItem a, boolean darkWeb) {
        String text = a.item().title() + "\n" + a.item().text();
        return features.of(
                text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text,
                a.annotations().tags(),
                a.annotations().entities(),
                ItemContext.of(a.item(), darkWeb));
    }

    /** Scores newly stored items and stores the scores (the stored-items listener). */
    public void record(List<AnnotatedItem> stored) {
        RelevanceWeights current = model;
        List<SparseArray> f = features(stored);
        Map<ItemId, AnnotatedItem.Relevance> scores = new LinkedHashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            scores.put(stored.get(i).item().id(), score(f.get(i), current));
        }
        items.setRelevance(scores);
    }

    /** Scores every item not scored by this model yet; answers how many. */
    public long rescore() {
        return items.forEachNotScoredBy(modelId(), 500, this::record);
    }
}
