package org.ewea.collectors.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a source is collected. */
public enum SourceKind {
    /** RSS 0.9x/2.0, RSS 1.0 (RDF) or Atom, fetched over HTTP(S). Also accepted as rss, atom, rdf. */
    FEED("feed"),
    /** Web pages scraped with a site profile. */
    WEB("web"),
    /** A recorded WARC file on disk. */
    WARC("warc"),
    /** A folder of recorded captures on disk. */
    FOLDER("folder");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether it is fetched from a URL (rather than read from a path). */
    public boolean isFetched() {
        return this == FEED || this == WEB;
    }

    public static SourceKind parse(String text) {
        String kind = text.strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "feed", "rss", "atom", "rdf" -> FEED;
            case "web" -> WEB;
            case "warc" -> WARC;
            case "folder" -> FOLDER;
            default ->
                throw new IllegalArgumentException("unknown kind '" + text + "': use one of "
                        + Arrays.stream(values()).map(SourceKind::id).collect(Collectors.joining(", ")));
        };
    }
}
