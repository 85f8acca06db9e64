package org.ewea.methodology.lexicon;

import java.util.Arrays;

/**
 * A text folded with {@link TextFolding}, with, for each folded character, the offset of the original character it
 * came from, so that matches found in the folded text are reported at their place in the original.
 */
public final class FoldedText {

    private final char[] folded;
    private final int[] origin;
    private final int length;
    private final int originalLength;

    private FoldedText(char[] folded, int[] origin, int length, int originalLength) {
        this.folded = folded;
        this.origin = origin;
        this.length = length;
        this.originalLength = originalLength;
    }

    public static FoldedText of(CharSequence text) {
        int capacity = text.length() + 16;
        char[] folded = new char[capacity];
        int[] origin = new int[capacity];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (length == folded.length) {
                    folded = Arrays.copyOf(folded, folded.length * 2);
                    origin = Arrays.copyOf(origin, origin.length * 2);
                }
                folded[length] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                origin[length++] = i;
                continue;
            }
            String f = TextFolding.fold(c);
            for (int k = 0; k < f.length(); k++) {
                if (length == folded.length) {
                    folded = Arrays.copyOf(folded, folded.length * 2);
                    origin = Arrays.copyOf(origin, origin.length * 2);
                }
                folded[length] = f.charAt(k);
                origin[length++] = i;
            }
        }
        return new FoldedText(folded, origin, length, text.length());
    }

    public int length() {
        return length;
    }

    public char charAt(int index) {
        return folded[index];
    }

    /** The original offset of the folded character at {@code index}. */
    public int originalStart(int index) {
        return origin[index];
    }

    /** The original end offset (exclusive) of a folded range ending before {@code end}. */
    public int originalEnd(int end) {
        return end >= length ? originalLength : origin[end];
    }

    public String substring(int start, int end) {
        return new String(folded, start, end - start);
    }
}
