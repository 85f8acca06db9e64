package org.ewea.collectors.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.ewea.collectors.capture.Capture;
import org.jspecify.annotations.Nullable;

/**
 * Parses RSS 0.9x/1.0 (RDF)/2.0 and Atom 0.3/1.0 with ROME. ROME refuses documents with a DOCTYPE, which shuts out
 * external entities (XXE) and entity-expansion bombs; the encoding is detected from the XML prolog and byte marks.
 */
public final class FeedParser implements EntryParser {

    @Override
    public List<FeedEntry> parse(Capture capture) throws FeedParseException {
        return parse(capture.body());
    }

    public List<FeedEntry> parse(byte[] document) throws FeedParseException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document))) {
            SyndFeedInput input = new SyndFeedInput();
            input.setPreserveWireFeed(false);
            feed = input.build(reader);
        } catch (IOException | RuntimeException | FeedException e) {
            throw new FeedParseException("not a readable RSS/Atom/RDF feed: " + rootMessage(e), e);
        }
        List<SyndEntry> entries = feed.getEntries();
        List<FeedEntry> result = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            result.add(new FeedEntry(
                    i,
                    entry.getUri(),
                    entry.getTitle(),
                    entry.getLink(),
                    body(entry),
                    instant(entry.getPublishedDate()),
                    instant(entry.getUpdatedDate())));
        }
        return result;
    }

    private static @Nullable String body(SyndEntry entry) {
        StringBuilder body = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                body.append(content.getValue()).append('\n');
            }
        }
        if (body.isEmpty() && entry.getDescription() != null) {
            body.append(entry.getDescription().getValue());
        }
        return body.isEmpty() ? null : body.toString();
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
