package org.ewea.collectors.source;

/** An OPML document cannot be imported; nothing was imported. The message says where and why. */
public class InvalidOpmlException extends IllegalArgumentException {

    public InvalidOpmlException(String message) {
        super(message);
    }

    public InvalidOpmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
