package org.ewea.collectors.source;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Handling;
import org.ewea.methodology.SourceId;
import org.ewea.methodology.Tlp;
import org.jspecify.annotations.Nullable;

/**
 * A source in the catalogue. Build and check one with {@link SourceValidator}.
 *
 * @param id stable id
 * @param kind how it is collected
 * @param title human name
 * @param url where it is fetched from (feed and web sources)
 * @param path where its recording lives on disk (warc and folder sources)
 * @param schedule Quartz cron expression of when it is collected
 * @param language BCP 47 hint for its items, or null to detect
 * @param grading default Admiralty grade of its items
 * @param tlp default TLP marking of its items
 * @param handling handling code of its items ({@link Handling#NONE} when the provider sets none)
 * @param tags free tags, e.g. the categories it was imported under
 * @param proxy HTTP or SOCKS proxy to fetch through (e.g. Tor for .onion), or null
 * @param enabled whether the scheduler collects it
 * @param local whether it may be fetched from loopback or private addresses (refused otherwise)
 * @param created when it was added
 * @param updated when it was last changed
 * @param profile the mirror profile a folder source is read with (e.g. {@code ransomchats}), or null
 */
public record Source(
        SourceId id,
        SourceKind kind,
        String title,
        @Nullable URI url,
        @Nullable String path,
        String schedule,
        @Nullable String language,
        AdmiraltyGrade grading,
        Tlp tlp,
        Handling handling,
        List<String> tags,
        @Nullable URI proxy,
        boolean enabled,
        boolean local,
        Instant created,
        Instant updated,
        @Nullable String profile) {

    public Source {
        tags = List.copyOf(tags);
    }

    /** The tag that marks a source as dark-web or underground (e.g. a recorded forum or leak-site mirror). */
    public static final String DARK_WEB_TAG = "dark-web";

    /**
     * Whether its items come from the dark web or the criminal underground: tagged {@value #DARK_WEB_TAG}, an onion
     * address, or fetched through a SOCKS proxy (Tor).
     */
    public boolean darkWeb() {
        return tags.contains(DARK_WEB_TAG)
                || (url != null && url.getHost() != null && url.getHost().endsWith(".onion"))
                || (proxy != null
                        && proxy.getScheme() != null
                        && proxy.getScheme().startsWith("socks"));
    }

    public Source withTimes(Instant created, Instant updated) {
        return new Source(
                id, kind, title, url, path, schedule, language, grading, tlp, handling, tags, proxy, enabled, local,
                created, updated, profile);
    }
}
