package org.ewea.collectors.normalise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewea.collectors.testing.Fixtures.resource;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.feed.FeedEntry;
import org.ewea.collectors.feed.FeedParser;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Test;

class ItemNormaliserTests {

    private static final Instant CAPTURED = Instant.parse("2026-01-11T06:00:00Z");
    private static final SourceDefinition SOURCE = new SourceDefinition(
            new SourceId("news"),
            "rss",
            "News",
            "https://news.example.org/rss",
            "en",
            AdmiraltyGrade.parse("B2"),
            Tlp.GREEN);

    private final ItemNormaliser normaliser = new ItemNormaliser();

    private List<Normalised> normaliseFixture(String name) throws Exception {
        byte[] body = resource(name);
        Capture capture = new Capture(
                SOURCE,
                name,
                URI.create("https://news.example.org/rss"),
                CAPTURED,
                "application/rss+xml",
                body,
                Digests.sha256Hex(body));
        List<FeedEntry> entries = new FeedParser().parse(body);
        return entries.stream().map(e -> normaliser.normalise(e, capture)).toList();
    }

    @Test
    void buildsAHarmonisedItemFromAnRssEntry() throws Exception {
        HarmonisedItem item =
                ((Normalised.Accepted) normaliseFixture("feeds/rss2.xml").get(0)).item();
        assertThat(item.canonicalUrl()).isEqualTo("https://news.example.org/2026/01/infostealer?id=7");
        assertThat(item.id())
                .isEqualTo(ItemId.forUrl(new SourceId("news"), "https://news.example.org/2026/01/infostealer?id=7"));
        assertThat(item.title()).isEqualTo("Infostealer & crypter bundle advertised");
        assertThat(item.text()).isEqualTo("A new infostealer is sold here.");
        assertThat(item.published()).isEqualTo(Instant.parse("2026-01-10T08:30:00Z"));
        assertThat(item.captured()).isEqualTo(CAPTURED);
        assertThat(item.grading().code()).isEqualTo("B2");
        assertThat(item.tlp()).isEqualTo(Tlp.GREEN);
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.provenance().rawSha256()).isEqualTo(Digests.sha256Hex(resource("feeds/rss2.xml")));
        assertThat(item.provenance().captured()).isEqualTo(CAPTURED);
    }

    @Test
    void usesThePermalinkGuidWhenThereIsNoLinkAndKeepsUndatedItemsUndated() throws Exception {
        HarmonisedItem item =
                ((Normalised.Accepted) normaliseFixture("feeds/rss2.xml").get(1)).item();
        assertThat(item.canonicalUrl()).isEqualTo("https://news.example.org/undated");
        assertThat(item.published()).isNull();
        assertThat(item.effectiveTime()).isEqualTo(CAPTURED);
    }

    @Test
    void fallsBackToTheUpdateDate() throws Exception {
        HarmonisedItem item =
                ((Normalised.Accepted) normaliseFixture("feeds/atom.xml").get(1)).item();
        assertThat(item.published()).isEqualTo(Instant.parse("2026-01-09T07:00:00Z"));
    }

    @Test
    void stripsEveryScriptAndAttributeAndRejectsEmptyEntries() throws Exception {
        List<Normalised> results = normaliseFixture("feeds/hostile.xml");
        HarmonisedItem item = ((Normalised.Accepted) results.get(0)).item();
        assertThat(item.title()).isEqualTo("Carding forum");
        assertThat(item.text()).isEqualTo("Dumps for sale");
        assertThat(item.title() + item.text()).doesNotContain("<", "alert", "onerror", "iframe", "hidden");
        assertThat(item.canonicalUrl()).as("javascript: links are not URLs").isNull();
        assertThat(item.id()).isEqualTo(ItemId.forContent(SOURCE.id(), item.contentHash()));
        assertThat(results.subList(1, 3))
                .allSatisfy(r -> assertThat(r)
                        .isEqualTo(new Normalised.Rejected(
                                ItemNormaliser.EMPTY_ENTRY, "feeds/hostile.xml#entry-" + results.indexOf(r))));
    }

    @Test
    void equalContentHasEqualHashWhateverTheMarkupCaseAndSpacing() {
        String a = Digests.sha256Hex(PlainText.canonicalForm(PlainText.fromHtml("<p>Voice  CLONING</p>")));
        String b = Digests.sha256Hex(PlainText.canonicalForm(PlainText.fromHtml("voice\ncloning")));
        assertThat(a).isEqualTo(b);
    }
}
