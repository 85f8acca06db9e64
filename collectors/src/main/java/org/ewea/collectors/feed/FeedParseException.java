package org.ewea.collectors.feed;

/** A capture is not a feed ROME can read: malformed XML, a DOCTYPE (refused), or an unknown format. */
public class FeedParseException extends Exception {

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
