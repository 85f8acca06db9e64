package org.ewea.collectors.source;

import org.ewea.methodology.SourceId;

/** A source with this id exists already. */
public class DuplicateSourceException extends RuntimeException {

    public DuplicateSourceException(SourceId id) {
        super("a source with id '" + id + "' exists already");
    }
}
