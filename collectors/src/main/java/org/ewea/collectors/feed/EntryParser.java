package org.ewea.collectors.feed;

import java.util.List;
import org.ewea.collectors.capture.Capture;

/**
 * Turns a capture's bytes into entries. Feeds are parsed by {@link FeedParser}; recorded mirrors by the parser their
 * profile describes.
 */
public interface EntryParser {

    List<FeedEntry> parse(Capture capture) throws FeedParseException;
}
