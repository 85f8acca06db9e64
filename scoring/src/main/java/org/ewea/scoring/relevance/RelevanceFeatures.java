package org.ewea.scoring.relevance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ewea.collectors.enrich.ItemAnnotations;
import org.ewea.methodology.lexicon.TextFolding;
import smile.util.SparseArray;

/**
 * Turns an item into a sparse feature vector by feature hashing: word unigrams and bigrams and character 4-grams of
 * the folded text, the taxonomy technologies it mentions, the kinds of entity it contains, and its context: the
 * source's reliability and the information's credibility (Admiralty letters and digits), whether the source is a
 * dark-web one, and the language. Values are log(1 + count), and the vector has unit length, so long and short texts
 * weigh alike. Deterministic.
 */
public final class RelevanceFeatures {

    /** 2^18 hashed dimensions. */
    public static final int DIMENSIONS = 1 << 18;

    public SparseArray of(
            String text, List<ItemAnnotations.Tag> tags, List<ItemAnnotations.Entity> entities, ItemContext context) {
        Map<Integer, Double> counts = new TreeMap<>();
        String[] words = TextFolding.fold(text).split("[^\\p{L}\\p{N}]+");
        String previous = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            add(counts, "w:" + word, 1);
            if (previous != null) {
                add(counts, "b:" + previous + " " + word, 1);
            }
            previous = word;
            String padded = " " + word + " ";
            for (int i = 0; i + 4 <= padded.length(); i++) {
                add(counts, "c:" + padded.substring(i, i + 4), 1);
            }
        }
        for (ItemAnnotations.Tag tag : tags) {
            add(counts, "t:" + tag.technology(), tag.count());
            add(counts, "t:any", tag.count());
        }
        for (ItemAnnotations.Entity entity : entities) {
            add(counts, "e:" + entity.type(), entity.count());
        }
        add(counts, "s:reliability:" + context.grade().code().charAt(0), 1);
        add(counts, "s:credibility:" + context.grade().code().charAt(1), 1);
        add(counts, context.darkWeb() ? "s:dark-web" : "s:open", 1);
        add(counts, "s:language:" + (context.language() == null ? "unknown" : context.language()), 1);
        double norm = 0;
        for (Map.Entry<Integer, Double> e : counts.entrySet()) {
            double v = Math.log1p(e.getValue());
            e.setValue(v);
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        SparseArray vector = new SparseArray(counts.size());
        for (Map.Entry<Integer, Double> e : counts.entrySet()) {
            vector.append(e.getKey(), norm == 0 ? 0 : e.getValue() / norm);
        }
        return vector;
    }

    private static void add(Map<Integer, Double> counts, String feature, double amount) {
        counts.merge(Math.floorMod(hash(feature), DIMENSIONS), amount, Double::sum);
    }

    /** FNV-1a 32-bit: stable across JVMs and runs, unlike String.hashCode's contract. */
    static int hash(String text) {
        int h = 0x811c9dc5;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x01000193;
        }
        return h;
    }
}
