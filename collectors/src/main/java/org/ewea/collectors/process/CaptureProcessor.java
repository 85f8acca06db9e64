package org.ewea.collectors.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.CaptureResult;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.feed.EntryParser;
import org.ewea.collectors.feed.FeedEntry;
import org.ewea.collectors.feed.FeedParseException;
import org.ewea.collectors.feed.FeedParser;
import org.ewea.collectors.normalise.ItemNormaliser;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.normalise.Normalised;
import org.ewea.collectors.normalise.UrlCanonicaliser;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.store.RawCaptureStore;
import org.ewea.collectors.store.StoreOutcome;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.SourceId;

/**
 * The one path every capture takes, live or replayed: parse, normalise, annotate, store, and account for every entry.
 */
public final class CaptureProcessor {

    private final FeedParser parser = new FeedParser();
    private final ItemNormaliser normaliser;
    private final ItemRepository items;
    private final Annotator annotator;
    private final Consumer<Capture> raw;
    private final ItemsStored itemsStored;

    /** A processor that does not keep raw captures (tests, benchmarks). */
    public CaptureProcessor(ItemRepository items, Annotator annotator) {
        this(items, annotator, capture -> {});
    }

    /**
     * @param raw keeps each capture's raw bytes before it is parsed (see {@link RawCaptureStore#keep})
     */
    public CaptureProcessor(ItemRepository items, Annotator annotator, Consumer<Capture> raw) {
        this(items, annotator, raw, LanguageDetector.NONE);
    }

    /**
     * @param raw keeps each capture's raw bytes before it is parsed
     * @param languages detects each item's language (else the source's hint is used)
     */
    public CaptureProcessor(
            ItemRepository items, Annotator annotator, Consumer<Capture> raw, LanguageDetector languages) {
        this(items, annotator, raw, languages, ItemsStored.NOBODY);
    }

    /**
     * @param itemsStored told of every batch of items stored new: scoring keeps its signal series up to date from
     *     it, the search index indexes them
     */
    public CaptureProcessor(
            ItemRepository items,
            Annotator annotator,
            Consumer<Capture> raw,
            LanguageDetector languages,
            ItemsStored itemsStored) {
        this.itemsStored = itemsStored;
        this.normaliser = new ItemNormaliser(languages);
        this.items = items;
        this.annotator = annotator;
        this.raw = raw;
    }

    /** The reason an entry is rejected with when reading it failed unexpectedly. */
    static final String UNREADABLE = "entry could not be read: ";

    /**
     * The items annotated (tags and entities); when that fails for the batch, item by item, an item that cannot be
     * annotated being rejected with its reason.
     */
    private List<AnnotatedItem> annotate(
            List<HarmonisedItem> accepted, Capture capture, List<CaptureResult.RejectedEntry> rejected) {
        try {
            return annotator.annotate(accepted);
        } catch (RuntimeException | StackOverflowError batch) {
            List<AnnotatedItem> annotated = new ArrayList<>(accepted.size());
            for (HarmonisedItem item : accepted) {
                try {
                    annotated.add(annotator.annotate(item));
                } catch (RuntimeException | StackOverflowError e) {
                    rejected.add(new CaptureResult.RejectedEntry(
                            "entry could not be annotated: " + e.getClass().getSimpleName(),
                            capture.locator() + "#" + item.id()));
                }
            }
            return annotated;
        }
    }

    /** Whether this source's item at this URL (canonicalised) is stored already. */
    public boolean isStored(SourceId source, String url) {
        return UrlCanonicaliser.canonicalise(url)
                .map(canonical -> items.isStored(source, canonical))
                .orElse(false);
    }

    /** Processes a feed capture. */
    public CaptureResult process(Capture capture) {
        return process(capture, parser);
    }

    /** Processes a capture with the parser its source's kind or profile calls for. */
    public CaptureResult process(Capture capture, EntryParser entryParser) {
        raw.accept(capture);
        List<FeedEntry> entries;
        try {
            entries = entryParser.parse(capture);
        } catch (FeedParseException e) {
            return CaptureResult.unparseable(e.getMessage());
        }
        List<HarmonisedItem> accepted = new ArrayList<>(entries.size());
        List<CaptureResult.RejectedEntry> rejected = new ArrayList<>();
        for (FeedEntry entry : entries) {
            Normalised normalised;
            try {
                normalised = normaliser.normalise(entry, capture);
            } catch (RuntimeException | StackOverflowError e) {
                // one hostile entry is rejected with its reason; the rest of the capture goes on
                normalised = new Normalised.Rejected(
                        UNREADABLE + e.getClass().getSimpleName(), capture.locator() + "#entry-" + entry.index());
            }
            switch (normalised) {
                case Normalised.Accepted(HarmonisedItem item) -> accepted.add(item);
                case Normalised.Rejected(String reason, String locator) ->
                    rejected.add(new CaptureResult.RejectedEntry(reason, locator));
            }
        }
        StoreOutcome stored = items.insertAnnotated(annotate(accepted, capture, rejected), itemsStored::stored);
        return new CaptureResult(null, entries.size(), stored.stored(), stored.merged(), rejected);
    }
}
