package org.ewea.collectors.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.normalise.Digests;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.junit.jupiter.api.Test;

/** What every MongoDB the raw capture store (GridFS) runs on must do. Subclasses say which MongoDB. */
abstract class RawCaptureStoreContract {

    private static final Instant T0 = Instant.parse("2026-01-10T00:00:00Z");

    protected abstract MongoDatabase database();

    private static Capture capture(String text, Instant captured) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new Capture(
                new SourceDefinition(new SourceId("s"), "feed", "S", null, null, AdmiraltyGrade.UNGRADED, Tlp.CLEAR),
                "loc",
                URI.create("https://s.example/rss"),
                captured,
                "application/rss+xml",
                body,
                Digests.sha256Hex(body));
    }

    @Test
    void keepsBytesOnceAndGivesThemBack() {
        RawCaptureStore store = new RawCaptureStore(database(), Duration.ofDays(30));
        Capture c = capture("<rss>" + "x".repeat(300_000) + "</rss>", T0);
        store.keep(c);
        store.keep(c);
        assertThat(store.bytes(c.sha256()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(c.body()));
        RawCaptureStore.StoredCapture described = store.describe(c.sha256()).orElseThrow();
        assertThat(described.origin()).isEqualTo("https://s.example/rss");
        assertThat(described.captured()).isEqualTo(T0);
        assertThat(described.length()).isEqualTo(c.body().length);
        assertThat(store.bytes("0".repeat(64))).isEmpty();
    }

    @Test
    void purgesWhatIsOlderThanTheRetention() {
        RawCaptureStore store = new RawCaptureStore(database(), Duration.ofDays(30));
        Capture old = capture("old", T0);
        Capture recent = capture("recent", T0.plus(Duration.ofDays(25)));
        store.keep(old);
        store.keep(recent);
        assertThat(store.purgeExpired(T0.plus(Duration.ofDays(40)))).isEqualTo(1);
        assertThat(store.describe(old.sha256())).isEmpty();
        assertThat(store.describe(recent.sha256())).isPresent();
    }
}
