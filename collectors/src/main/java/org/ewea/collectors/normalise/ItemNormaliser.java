package org.ewea.collectors.normalise;

import java.time.Instant;
import org.ewea.collectors.capture.Capture;
import org.ewea.collectors.capture.SourceDefinition;
import org.ewea.collectors.feed.FeedEntry;
import org.ewea.methodology.HarmonisedItem;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Turns a feed entry into a harmonised item: markup stripped, URL canonicalised, content hashed, grading, TLP and
 * language detected (texts under 200 characters from a source with a language hint keep the hint), provenance pointing at the capture it came from.
 *
 * <p>Dates: {@code published} is the entry's publication date, else its update date, else unknown (null); an item
 * with no known date is ordered by its capture time. Times are kept as instants (UTC); ROME has already applied the
 * feed's time-zone offsets.
 */
public final class ItemNormaliser {

    /** Reason given for entries that have neither a title nor any text. */
    public static final String EMPTY_ENTRY = "empty entry (no title and no text)";

    private final LanguageDetector languages;

    /** A normaliser that takes every item's language from its source's hint. */
    public ItemNormaliser() {
        this(LanguageDetector.NONE);
    }

    /** A normaliser that detects each item's language, falling back to its source's hint. */
    public ItemNormaliser(LanguageDetector languages) {
        this.languages = languages;
    }

    public Normalised normalise(FeedEntry entry, Capture capture) {
        String locator = capture.locator() + "#entry-" + entry.index();
        String title = PlainText.fromHtml(entry.title());
        String text = PlainText.fromHtml(entry.body());
        if (title.isEmpty() && text.isEmpty()) {
            return new Normalised.Rejected(EMPTY_ENTRY, locator);
        }
        SourceDefinition source = capture.source();
        String canonicalUrl = canonicalUrl(entry);
        String contentHash = Digests.sha256Hex(PlainText.canonicalForm(title) + "\n" + PlainText.canonicalForm(text));
        ItemId id = canonicalUrl != null
                ? ItemId.forUrl(source.id(), canonicalUrl)
                : ItemId.forContent(source.id(), contentHash);
        Instant published = entry.published() != null ? entry.published() : entry.updated();
        String language = language(title + ". " + text, source.language());
        return new Normalised.Accepted(new HarmonisedItem(
                id,
                source.id(),
                canonicalUrl,
                title,
                text,
                language,
                published,
                capture.captured(),
                source.grading(),
                source.tlp(),
                source.handling(),
                contentHash,
                new Provenance(capture.sha256(), capture.origin(), capture.captured())));
    }

    /** Texts shorter than this keep their source's language hint: detection on a line or two is guesswork. */
    static final int HINT_WINS_BELOW = 200;

    private @Nullable String language(String text, @Nullable String hint) {
        if (hint != null && text.length() < HINT_WINS_BELOW) {
            return hint;
        }
        return languages.detect(text).orElse(hint);
    }

    private static @Nullable String canonicalUrl(FeedEntry entry) {
        if (entry.link() != null) {
            var url = UrlCanonicaliser.canonicalise(entry.link());
            if (url.isPresent()) {
                return url.get();
            }
        }
        // An RSS guid with isPermaLink, or an Atom id, is often the article URL when no link is given.
        return entry.guid() == null
                ? null
                : UrlCanonicaliser.canonicalise(entry.guid()).orElse(null);
    }
}
