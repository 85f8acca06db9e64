package org.ewea.methodology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The id of a harmonised item: 32 lower-case hex digits derived from what identifies the item (its canonical URL, or
 * for items without one, the source and content hash), so that the same item captured twice gets the same id.
 */
public record ItemId(String value) {

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{32}");

    public ItemId {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid item id '" + value + "': expected 32 lower-case hex digits");
        }
    }

    /** The id of the item published at this canonical URL. */
    public static ItemId forUrl(String canonicalUrl) {
        return derive("url\n" + canonicalUrl);
    }

    /** The id of an item without a URL (a chat message, a forum post in a mirror): source plus content hash. */
    public static ItemId forContent(SourceId source, String contentHash) {
        return derive("content\n" + source.value() + "\n" + contentHash);
    }

    private static ItemId derive(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new ItemId(HexFormat.of().formatHex(digest, 0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
