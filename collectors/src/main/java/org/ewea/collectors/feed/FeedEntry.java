package org.ewea.collectors.feed;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a feed as the feed gives it, before normalisation.
 *
 * @param index position in the feed document (0-based), to find it again
 * @param guid the entry's id or guid, if any
 * @param title title as given (may contain markup or entities)
 * @param link the entry's link as given
 * @param body description or content as given (HTML or text)
 * @param published the publication date, if the feed gives one
 * @param updated the last update date, if the feed gives one
 */
public record FeedEntry(
        int index,
        @Nullable String guid,
        @Nullable String title,
        @Nullable String link,
        @Nullable String body,
        @Nullable Instant published,
        @Nullable Instant updated) {}
