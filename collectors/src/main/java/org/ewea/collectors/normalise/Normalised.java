package org.ewea.collectors.normalise;

import org.ewea.methodology.HarmonisedItem;

/** The result of normalising one input record: an item, or a rejection saying why. */
public sealed interface Normalised {

    record Accepted(HarmonisedItem item) implements Normalised {}

    /**
     * @param reason a short, stable reason (counted per reason in import reports)
     * @param locator where the record is (capture file and entry index)
     */
    record Rejected(String reason, String locator) implements Normalised {}
}
