package org.ewea.collectors.capture;

import java.util.Objects;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Handling;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * A source as the collectors need it to turn its captures into items.
 *
 * @param id catalogue id
 * @param kind how its captures are parsed (e.g. {@code rss}, {@code atom})
 * @param title human name
 * @param url where it is fetched from, or null for sources that only exist in recordings
 * @param language BCP 47 hint for its items, or null to leave it unknown
 * @param grading default Admiralty grade of its items
 * @param tlp default TLP of its items
 * @param handling handling code of its items
 */
public record SourceDefinition(
        SourceId id,
        String kind,
        String title,
        @Nullable String url,
        @Nullable String language,
        AdmiraltyGrade grading,
        Tlp tlp,
        Handling handling) {

    public SourceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(grading, "grading");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(handling, "handling");
    }

    /** A source whose items carry no handling code. */
    public SourceDefinition(
            SourceId id,
            String kind,
            String title,
            @Nullable String url,
            @Nullable String language,
            AdmiraltyGrade grading,
            Tlp tlp) {
        this(id, kind, title, url, language, grading, tlp, Handling.NONE);
    }
}
