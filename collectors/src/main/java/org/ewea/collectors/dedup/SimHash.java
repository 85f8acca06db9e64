package org.ewea.collectors.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.ewea.collectors.normalise.PlainText;
import org.ewea.methodology.lexicon.TextFolding;

/**
 * 64-bit SimHash (Charikar) over the pairs of consecutive words of a text, case, accents and spacing folded: texts
 * that differ in a few words differ in few bits. Texts of fewer than {@value #MIN_WORDS} words get no fingerprint
 * (too short to tell a near-duplicate from a coincidence).
 */
public final class SimHash {

    public static final int MIN_WORDS = 8;
    /** Fingerprints at most this many bits apart are near-duplicates. */
    public static final int MAX_DISTANCE = 3;
    /** Bands for the index: with {@value #MAX_DISTANCE} differing bits, one of four 16-bit bands is identical. */
    public static final int BANDS = 4;

    private SimHash() {}

    public static OptionalLong of(String title, String text) {
        String[] words =
                TextFolding.fold(PlainText.canonicalForm(title + " " + text)).split("[^\\p{L}\\p{N}]+");
        List<String> kept = new ArrayList<>(words.length);
        for (String w : words) {
            if (!w.isEmpty()) {
                kept.add(w);
            }
        }
        if (kept.size() < MIN_WORDS) {
            return OptionalLong.empty();
        }
        int[] votes = new int[64];
        for (int i = 0; i + 1 < kept.size(); i++) {
            long h = hash(kept.get(i) + " " + kept.get(i + 1));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return OptionalLong.of(fingerprint);
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The band keys of a fingerprint, e.g. {@code "2:9f3a"}: band index and its 16 bits in hex. */
    public static List<String> bands(long fingerprint) {
        List<String> keys = new ArrayList<>(BANDS);
        for (int band = 0; band < BANDS; band++) {
            keys.add(band + ":" + Long.toHexString((fingerprint >>> (band * 16)) & 0xffff));
        }
        return keys;
    }

    /** FNV-1a 64-bit, then MurmurHash3's finaliser so that every input bit affects every output bit. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
