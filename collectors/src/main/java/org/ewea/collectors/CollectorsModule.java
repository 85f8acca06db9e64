package org.ewea.collectors;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.harvest.HarvestRunRepository;
import org.ewea.collectors.harvest.HealthAssessor;
import org.ewea.collectors.harvest.SourceStateRepository;
import org.ewea.collectors.normalise.LanguageDetector;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.process.ItemsStored;
import org.ewea.collectors.store.ImportLedger;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.store.RawCaptureStore;

/**
 * The collectors module assembled over one database: its stores (items, raw captures, harvest runs, source state,
 * the import ledger) with their indexes, source health, and the one capture path every capture takes. The service
 * and every exercise build it with {@link #over}, so both run the same parts; what follows collection (scoring, the
 * search index) listens with {@link #whenItemsStored}. The source catalogue and the fetcher are the service's own
 * (exercises replay recordings, they fetch nothing).
 */
public final class CollectorsModule {

    /**
     * @param rawRetention how long raw captures are kept
     * @param silentFactor how many typical gaps of silence make a source silent
     */
    public record Settings(Duration rawRetention, double silentFactor) {}

    private final ItemRepository items;
    private final RawCaptureStore raw;
    private final ImportLedger ledger;
    private final HarvestRunRepository runs;
    private final SourceStateRepository states;
    private final HealthAssessor health;
    private final CaptureProcessor processor;
    private final List<ItemsStored> listeners = new CopyOnWriteArrayList<>();

    private CollectorsModule(
            MongoDatabase database,
            InstantSource clock,
            Settings settings,
            Annotator annotator,
            LanguageDetector languages) {
        items = new ItemRepository(database);
        items.ensureIndexes();
        raw = new RawCaptureStore(database, settings.rawRetention());
        ledger = new ImportLedger(database);
        runs = new HarvestRunRepository(database);
        runs.ensureIndexes();
        states = new SourceStateRepository(database);
        health = new HealthAssessor(runs, states, clock, settings.silentFactor());
        processor = new CaptureProcessor(
                items,
                annotator,
                raw::keep,
                languages,
                stored -> listeners.forEach(listener -> listener.stored(stored)));
    }

    /**
     * @param clock the time of the world being collected (the wall clock; an exercise's replay clock)
     * @param annotator tags and entities under the methodology (shared: it is read-only)
     * @param languages detects items' languages (shared: its models are large)
     */
    public static CollectorsModule over(
            MongoDatabase database,
            InstantSource clock,
            Settings settings,
            Annotator annotator,
            LanguageDetector languages) {
        return new CollectorsModule(database, clock, settings, annotator, languages);
    }

    /** Adds a listener told of every batch of items stored new, after those added before it. */
    public void whenItemsStored(ItemsStored listener) {
        listeners.add(listener);
    }

    public ItemRepository items() {
        return items;
    }

    public RawCaptureStore raw() {
        return raw;
    }

    public ImportLedger ledger() {
        return ledger;
    }

    public HarvestRunRepository runs() {
        return runs;
    }

    public SourceStateRepository states() {
        return states;
    }

    public HealthAssessor health() {
        return health;
    }

    /** Capture processing: parse, normalise, annotate, store, then tell the listeners. */
    public CaptureProcessor processor() {
        return processor;
    }
}
