package org.ewea.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Function;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.mirror.JsonTranscriptParser;
import org.ewea.collectors.mirror.MirrorProfiles;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.CorpusWarcs;
import org.ewea.collectors.testing.Fixtures;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcReplayerTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final Function<String, SourceDefinition> SOURCES =
            id -> new SourceDefinition(new SourceId(id), "feed", id, null, "en", AdmiraltyGrade.parse("C3"), Tlp.AMBER);

    @TempDir
    Path dir;

    private ItemRepository items;
    private WarcReplayer replayer;

    @BeforeEach
    void create() {
        items = new ItemRepository(STORE.freshDatabase());
        replayer = new WarcReplayer(new CaptureProcessor(items, TestAnnotators.defaults()), 10L * 1024 * 1024);
    }

    private static void write(WarcWriter writer, String source, String date, byte[] body) throws Exception {
        writer.write(new WarcResponse.Builder(URI.create("https://" + source + ".example/rss"))
                .date(Instant.parse(date))
                .setHeader(WarcCaptures.SOURCE_HEADER, source)
                .body(new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("application/rss+xml"), body)
                        .build())
                .build());
    }

    @Test
    void replaysInCaptureTimeOrderOnTheSimulatedClockAndAccountsForEverything() throws Exception {
        Path warc = dir.resolve("mirror.warc.gz");
        try (WarcWriter writer = new WarcWriter(
                Files.newByteChannel(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            write(writer, "news", "2026-01-12T06:00:00Z", Fixtures.resource("feeds/rss2.xml"));
            write(writer, "news", "2026-01-11T06:00:00Z", Fixtures.resource("feeds/rss2.xml"));
            write(writer, "news", "2026-01-13T06:00:00Z", Fixtures.resource("feeds/malformed.xml"));
            write(writer, "forum", "2026-01-11T07:00:00Z", Fixtures.resource("feeds/hostile.xml"));
        }
        ReplayClock clock = new ReplayClock(Instant.parse("2026-01-01T00:00:00Z"));
        ImportReport report = replayer.replay(warc, clock, SOURCES);

        assertThat(report.captures()).isEqualTo(4);
        assertThat(report.capturesRejected()).isEqualTo(1);
        assertThat(report.input()).isEqualTo(7);
        assertThat(report.stored()).isEqualTo(3);
        assertThat(report.merged()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-13T06:00:00Z"));
        var item = items.find(ItemId.forUrl(new SourceId("news"), "https://news.example.org/2026/01/infostealer?id=7"))
                .orElseThrow();
        assertThat(item.captured())
                .as("the earlier capture came first, although later in the file")
                .isEqualTo(Instant.parse("2026-01-11T06:00:00Z"));
        assertThat(item.grading().code()).isEqualTo("C3");

        ImportReport again = replayer.replay(warc, new ReplayClock(Instant.EPOCH), SOURCES);
        assertThat(again.stored()).isZero();
        assertThat(again.merged()).isEqualTo(5);
    }

    @Test
    void replaysTheRansomchatsMirrorFromWarcThroughItsProfile() {
        Path corpus = Fixtures.sharedCorpus().orElse(null);
        Assumptions.assumeTrue(
                corpus != null && Files.isDirectory(corpus.resolve("ransomchats")),
                "../shared/corpus is not available");
        CorpusWarcs.Conversion conversion =
                CorpusWarcs.ransomchats(corpus, Path.of("target/corpus/ransomchats.warc.gz"));
        assertThat(conversion.items()).isEqualTo(259);
        assertThat(conversion.undated()).isEqualTo(70);
        var profile = new MirrorProfiles().find("ransomchats").orElseThrow();
        var parser = new JsonTranscriptParser(profile);
        ImportReport report = replayer.replay(conversion.warc(), new ReplayClock(Instant.EPOCH), SOURCES, c -> parser);
        assertThat(report.capturesRejected()).isZero();
        assertThat(report.input()).isEqualTo(259);
        assertThat(report.stored() + report.merged() + report.rejected()).isEqualTo(259);
        assertThat(items.pageAnnotated(0, 300))
                .extracting(a -> a.item().title())
                .contains("Akira negotiation chat 20230529");
        assertThat(replayer.replay(conversion.warc(), new ReplayClock(Instant.EPOCH), SOURCES, c -> parser)
                        .stored())
                .isZero();
    }

    @Test
    void replaysTheCasieArticlesAccountingForAll() {
        Path corpus = Fixtures.sharedCorpus().orElse(null);
        Assumptions.assumeTrue(
                corpus != null && Files.isDirectory(corpus.resolve("casie-cyber-news-events")),
                "../shared/corpus is not available");
        CorpusWarcs.Conversion conversion = CorpusWarcs.casie(corpus, Path.of("target/corpus/casie.warc.gz"));
        assertThat(conversion.items()).isEqualTo(1000);
        assertThat(conversion.captures()).as("distinct host and day pairs").isEqualTo(916);
        ImportReport report = replayer.replay(conversion.warc(), new ReplayClock(Instant.EPOCH), SOURCES);
        assertThat(report.capturesRejected()).isZero();
        assertThat(report.input()).isEqualTo(1000);
        assertThat(report.stored() + report.merged() + report.rejected()).isEqualTo(1000);
        System.out.printf(
                "casie replay: %d in, %d stored, %d merged, %d rejected%n",
                report.input(), report.stored(), report.merged(), report.rejected());
    }

    @Test
    void replaysTheS33rRecordingAccountingForAllItems() {
        Path corpus = Fixtures.sharedCorpus().orElse(null);
        Assumptions.assumeTrue(
                corpus != null && Files.isDirectory(corpus.resolve("s33r-security-news")),
                "../shared/corpus is not available");
        CorpusWarcs.Conversion conversion = CorpusWarcs.s33r(corpus, Path.of("target/corpus/s33r.warc.gz"));
        assertThat(conversion.items()).isEqualTo(10_756);
        assertThat(conversion.undated()).isEqualTo(87);

        ReplayClock clock = new ReplayClock(Instant.parse("2025-10-01T00:00:00Z"));
        ImportReport report = replayer.replay(conversion.warc(), clock, SOURCES);
        assertThat(report.captures()).isEqualTo(conversion.captures());
        assertThat(report.capturesRejected()).isZero();
        assertThat(report.input()).isEqualTo(10_756);
        assertThat(report.stored() + report.merged() + report.rejected()).isEqualTo(10_756);
        assertThat(items.count()).isEqualTo(report.stored());
        assertThat(clock.instant()).isAfter(Instant.parse("2026-02-11T00:00:00Z"));

        ImportReport again = replayer.replay(conversion.warc(), new ReplayClock(Instant.EPOCH), SOURCES);
        assertThat(again.stored()).as("a second replay stores nothing new").isZero();
        assertThat(again.input()).isEqualTo(10_756);
        System.out.printf(
                "s33r replay: %d captures, %d items in, %d stored, %d merged, %d rejected %s%n",
                report.captures(),
                report.input(),
                report.stored(),
                report.merged(),
                report.rejected(),
                report.rejectionsByReason());
    }
}
