package org.ewea.collectors.accounting;

/**
 * An input that was not stored, and why.
 *
 * @param reason short, stable category (counted per reason)
 * @param locator where the rejected input is (capture file, entry index)
 * @param detail what exactly was wrong, for a person to read
 */
public record Rejection(String reason, String locator, String detail) {}
