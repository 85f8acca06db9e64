package org.ewea.collectors.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.ewea.collectors.testing.Fixtures.resource;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedParserTests {

    private final FeedParser parser = new FeedParser();

    @Test
    void readsRss2WithTimeZoneOffsets() throws Exception {
        List<FeedEntry> entries = parser.parse(resource("feeds/rss2.xml"));
        assertThat(entries).hasSize(2);
        FeedEntry first = entries.get(0);
        assertThat(first.title()).isEqualTo("Infostealer & crypter bundle advertised");
        assertThat(first.published()).isEqualTo(Instant.parse("2026-01-10T08:30:00Z"));
        assertThat(first.body()).contains("<b>new</b>");
        assertThat(entries.get(1).published()).isNull();
        assertThat(entries.get(1).index()).isEqualTo(1);
    }

    @Test
    void readsAtomWithPublishedAndUpdated() throws Exception {
        List<FeedEntry> entries = parser.parse(resource("feeds/atom.xml"));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).published()).isEqualTo(Instant.parse("2026-01-10T17:00:00Z"));
        assertThat(entries.get(0).link()).isEqualTo("https://blog.example.net/voice-cloning");
        assertThat(entries.get(1).published()).isNull();
        assertThat(entries.get(1).updated()).isEqualTo(Instant.parse("2026-01-09T07:00:00Z"));
        assertThat(entries.get(1).body()).isEqualTo("Summary text");
    }

    @Test
    void readsRdf() throws Exception {
        List<FeedEntry> entries = parser.parse(resource("feeds/rdf.xml"));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.title()).startsWith("Drones");
            assertThat(e.published()).isEqualTo(Instant.parse("2026-01-08T10:00:00Z"));
        });
    }

    @Test
    void detectsDeclaredNonUtf8Encodings() throws Exception {
        assertThat(parser.parse(resource("feeds/latin1.xml")).getFirst().title())
                .isEqualTo("Schädliche Stimmklonen-Software für Betrüger");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds/billion-laughs.xml", "feeds/xxe.xml", "feeds/malformed.xml"})
    void refusesBombsExternalEntitiesAndMalformedXml(String fixture) {
        assertThatExceptionOfType(FeedParseException.class)
                .isThrownBy(() -> parser.parse(resource(fixture)))
                .withMessageStartingWith("not a readable RSS/Atom/RDF feed");
    }

    @Test
    void refusesThingsThatAreNotFeeds() {
        assertThatExceptionOfType(FeedParseException.class)
                .isThrownBy(() -> parser.parse("<html><body>hi</body></html>".getBytes()));
        assertThatExceptionOfType(FeedParseException.class).isThrownBy(() -> parser.parse(new byte[0]));
    }
}
