package org.ewea.collectors.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ewea.collectors.accounting.ImportReport;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.process.CaptureProcessor;
import org.ewea.collectors.replay.ReplayClock;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.collectors.testing.Fixtures;
import org.ewea.collectors.testing.MongoStoreExtension;
import org.ewea.collectors.testing.TestAnnotators;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MirrorFolderReplayerTests {

    @RegisterExtension
    static final MongoStoreExtension STORE = MongoStoreExtension.embedded();

    private static final SourceDefinition CHATS = new SourceDefinition(
            new SourceId("chats"), "folder", "Negotiation chats", null, "en", AdmiraltyGrade.parse("B2"), Tlp.AMBER);
    private static final MirrorProfile PROFILE =
            new MirrorProfiles().find("ransomchats").orElseThrow();

    private ItemRepository items;
    private MirrorFolderReplayer replayer;

    @BeforeEach
    void create() {
        items = new ItemRepository(STORE.freshDatabase());
        replayer = new MirrorFolderReplayer(new CaptureProcessor(items, TestAnnotators.defaults()), 10_000_000);
    }

    @Test
    void readsTranscriptsThroughTheProfileAccountingForEveryFile() throws URISyntaxException {
        Path folder = Path.of(getClass().getResource("/mirrors/chats").toURI());
        ReplayClock clock = new ReplayClock(Instant.EPOCH);
        ImportReport report = replayer.replay(folder, PROFILE, CHATS, clock);

        assertThat(report.captures()).as("notes.txt is not a transcript").isEqualTo(4);
        assertThat(report.capturesRejected()).isEqualTo(1);
        assertThat(report.rejectionsByReason()).containsOnlyKeys("unparseable capture");
        assertThat(report.input()).isEqualTo(3);
        assertThat(report.stored()).isEqualTo(3);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-01-01T23:59:59Z"));

        List<AnnotatedItem> stored = items.pageAnnotated(0, 10);
        AnnotatedItem dated = stored.stream()
                .filter(i -> i.item().title().equals("GroupA negotiation chat 20230529"))
                .findFirst()
                .orElseThrow();
        assertThat(dated.item().published()).isEqualTo(Instant.parse("2023-05-29T00:00:00Z"));
        assertThat(dated.item().text())
                .contains("<3")
                .contains("<script>alert(1)</script>We need proof")
                .as("chat text is kept as text, never markup");
        assertThat(dated.item().tlp()).isEqualTo(Tlp.AMBER);
        assertThat(dated.annotations().entities()).extracting(e -> e.type()).contains("btc");
        AnnotatedItem undated = stored.stream()
                .filter(i -> i.item().title().contains("leaked-client"))
                .findFirst()
                .orElseThrow();
        assertThat(undated.item().published()).isNull();
        assertThat(undated.item().captured())
                .as("placed at its group's earliest chat")
                .isEqualTo(Instant.parse("2023-05-29T23:59:59Z"));

        assertThat(replayer.replay(folder, PROFILE, CHATS, new ReplayClock(Instant.EPOCH))
                        .stored())
                .isZero();
    }

    @Test
    void replaysTheRansomchatsMirror() {
        Path chats =
                Fixtures.sharedCorpus().map(c -> c.resolve("ransomchats/chats")).orElse(null);
        Assumptions.assumeTrue(chats != null && Files.isDirectory(chats), "../shared/corpus is not available");
        ImportReport report = replayer.replay(chats, PROFILE, CHATS, new ReplayClock(Instant.EPOCH));
        assertThat(report.captures()).isEqualTo(259);
        assertThat(report.capturesRejected()).isZero();
        assertThat(report.input()).isEqualTo(259);
        assertThat(report.stored() + report.merged() + report.rejected()).isEqualTo(259);
        long dated = items.pageAnnotated(0, 300).stream()
                .filter(i -> i.item().published() != null)
                .count();
        assertThat(dated)
                .as("chats with a date in their file name (SOURCE.md: 189)")
                .isEqualTo(189);
        System.out.printf(
                "ransomchats replay: %d chats, %d stored, %d merged, %d rejected, %d dated%n",
                report.input(), report.stored(), report.merged(), report.rejected(), dated);
        assertThat(replayer.replay(chats, PROFILE, CHATS, new ReplayClock(Instant.EPOCH))
                        .stored())
                .isZero();
    }
}
