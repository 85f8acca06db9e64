package org.ewea.collectors.testing;

import java.net.URI;
import java.time.Instant;
import org.ewea.collectors.normalise.Digests;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Handling;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Provenance;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;

/** Items for tests, with every field set and times at millisecond precision (as stored). */
public final class TestItems {

    private TestItems() {}

    public static HarmonisedItem item(String url, String title, Instant published, Instant captured) {
        return new HarmonisedItem(
                ItemId.forUrl(new SourceId("test-source"), url),
                new SourceId("test-source"),
                url,
                title,
                "text of " + title,
                "en",
                published,
                captured,
                AdmiraltyGrade.parse("B2"),
                Tlp.AMBER,
                Handling.NONE,
                Digests.sha256Hex(title),
                new Provenance(Digests.sha256Hex("raw " + url), URI.create("https://feeds.example.org/rss"), captured));
    }

    public static HarmonisedItem undated(String url, String title, Instant captured) {
        HarmonisedItem item = item(url, title, captured, captured);
        return new HarmonisedItem(
                item.id(),
                item.sourceId(),
                item.canonicalUrl(),
                item.title(),
                item.text(),
                item.language(),
                null,
                item.captured(),
                item.grading(),
                item.tlp(),
                item.handling(),
                item.contentHash(),
                item.provenance());
    }
}
