package org.ewea.scoring.evaluation;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.enrich.Annotator;
import org.ewea.collectors.mirror.MirrorFolderReplayer;
import org.ewea.collectors.mirror.MirrorProfile;
import org.ewea.collectors.normalise.LinguaLanguageDetector;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.replay.ReplayClock;
import org.ewea.collectors.replay.WarcReplayer;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.StoredItemsListener;
import org.ewea.scoring.relevance.ItemRelevance;
import org.ewea.scoring.signal.GradeWeights;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.CandidateDecisions;
import org.ewea.scoring.terms.CandidateFinder;
import org.ewea.scoring.terms.CommonWords;
import org.ewea.scoring.terms.TermExtractor;
import org.ewea.scoring.terms.TermRepository;

/**
 * The collectors' real pipeline (capture processing, normalisation with language detection, tagging, entities,
 * dedup, item store) with the service's stored-items listener (signal series, novel terms, item relevance), on an in-process MongoDB wire-protocol server: what the
 * service runs, without HTTP.
 */
final class PipelineStore implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;
    private final ItemRepository items;
    private final SignalRepository signals;
    private final WarcReplayer replayer;
    private final CaptureProcessor processor;
    private final CandidateFinder candidates;

    PipelineStore(String name, Methodology methodology, Annotator annotator) {
        this(name, methodology, annotator, Set.of());
    }

    /** @param darkWebSources the ids of the sources that are dark-web sources, as the catalogue would mark them */
    PipelineStore(String name, Methodology methodology, Annotator annotator, Set<String> darkWebSources) {
        server = new MongoServer(new MemoryBackend());
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        database = client.getDatabase(name);
        items = new ItemRepository(database);
        items.ensureIndexes();
        Function<Set<String>, Set<String>> darkWeb =
                ids -> ids.stream().filter(darkWebSources::contains).collect(Collectors.toSet());
        signals = new SignalRepository(
                database,
                new GradeWeights(methodology.grading()),
                MethodologyLoader.cues(methodology.stages()),
                darkWeb);
        signals.ensureIndexes();
        Set<String> languages = new LinkedHashSet<>(methodology.languages());
        languages.addAll(List.of("ru", "uk"));
        TermRepository terms = new TermRepository(database, new TermExtractor(methodology.lexicon()));
        terms.ensureIndexes();
        ItemRelevance relevance = new ItemRelevance(items, ItemRelevance.shipped(), darkWeb);
        processor = new CaptureProcessor(
                items,
                annotator,
                capture -> {},
                new LinguaLanguageDetector(languages),
                new StoredItemsListener(signals, terms, relevance));
        replayer = new WarcReplayer(processor, 10L * 1024 * 1024);
        candidates = new CandidateFinder(
                terms,
                signals,
                new CandidateDecisions(database),
                darkWeb,
                CommonWords.forLanguages(methodology.languages()));
    }

    SignalRepository signals() {
        return signals;
    }

    ItemRepository items() {
        return items;
    }

    /** The novel-term candidates as the service finds them (no decision taken). */
    CandidateFinder candidates() {
        return candidates;
    }

    /**
     * Replays a folder mirror through its profile on a simulated clock, calling {@code dayEnd} as
     * {@link #replay(Path, Function, Consumer)} does.
     */
    ImportReport replayMirror(Path folder, MirrorProfile profile, SourceDefinition source, Consumer<LocalDate> dayEnd) {
        ReplayClock clock = new ReplayClock(Instant.parse("2000-01-01T00:00:00Z"));
        LocalDate[] last = new LocalDate[1];
        ImportReport report = new MirrorFolderReplayer(processor, 10L * 1024 * 1024)
                .replay(folder, profile, source, clock, at -> {
                    LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
                    if (last[0] != null) {
                        for (LocalDate d = last[0]; d.isBefore(day); d = d.plusDays(1)) {
                            dayEnd.accept(d);
                        }
                    }
                    last[0] = day;
                });
        if (last[0] != null) {
            dayEnd.accept(last[0]);
        }
        return report;
    }

    /**
     * Replays a WARC in capture order on a simulated clock. Before the first capture of a new day, {@code dayEnd}
     * is called for every day that has ended since the last capture (so at that point the store holds exactly what
     * was captured up to the end of that day); after the last capture, for its day.
     */
    ImportReport replay(Path warc, Function<String, SourceDefinition> sources, Consumer<LocalDate> dayEnd) {
        ReplayClock clock = new ReplayClock(Instant.parse("2000-01-01T00:00:00Z"));
        LocalDate[] last = new LocalDate[1];
        ImportReport report = replayer.replay(warc, clock, sources, capture -> {
            LocalDate day = capture.date().atZone(ZoneOffset.UTC).toLocalDate();
            if (last[0] != null) {
                for (LocalDate d = last[0]; d.isBefore(day); d = d.plusDays(1)) {
                    dayEnd.accept(d);
                }
            }
            last[0] = day;
            return null;
        });
        if (last[0] != null) {
            dayEnd.accept(last[0]);
        }
        return report;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
