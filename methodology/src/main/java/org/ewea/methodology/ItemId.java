package org.ewea.methodology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The id of a harmonised item: 32 lower-case hex digits derived from what identifies the item (its source and canonical
 * URL, or for items without a URL, the source and content hash), so that the same item captured twice gets the same
 * id, and the same URL collected from two sources is two items, each with its source's marking.
 */
public record ItemId(String value) {

    private static final Pattern VALID = Pattern.compile("[0-9a-f]{32}");

    public ItemId {
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid item id '" + value + "': expected 32 lower-case hex digits");
        }
    }

    /** The id of the item a source collected at this canonical URL. */
    public static ItemId forUrl(SourceId source, String canonicalUrl) {
        return derive("source-url\n" + source.value() + "\n" + canonicalUrl);
    }

    /**
     * The id an item at this canonical URL had before ids named their source (one item per URL, whichever source
     * collected it first): stored items keep it, and a recapture by the same source is matched to it.
     */
    public static ItemId legacyForUrl(String canonicalUrl) {
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
