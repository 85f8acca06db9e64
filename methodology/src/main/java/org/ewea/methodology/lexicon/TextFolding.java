package org.ewea.methodology.lexicon;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case and diacritic folding: {@code "Stimmklonen"} and {@code "STIMMKLONEN"}, {@code "clonage de voix"} and
 * {@code "Clonâge de voix"} fold alike. Lower-cases, removes combining marks after canonical decomposition, and maps
 * letters that do not decompose (ß, æ, œ, ø, ł, đ, ı, þ) to their usual Latin spelling. Folding one character can
 * give two ({@code ß -> ss}); {@link FoldedText} keeps the way back to the original offsets.
 */
public final class TextFolding {

    /** Folded form of every character of the Basic Multilingual Plane up to U+2FFF, computed once. */
    private static final String[] TABLE = new String[0x3000];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            TABLE[c] = foldChar(c);
        }
    }

    private TextFolding() {}

    /** The folded form of a string. */
    public static String fold(CharSequence text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            folded.append(fold(text.charAt(i)));
        }
        return folded.toString();
    }

    /** The folded form of one character (one or two characters, or none for a combining mark). */
    public static String fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? String.valueOf((char) (c + 32)) : String.valueOf(c);
        }
        return c < TABLE.length ? TABLE[c] : String.valueOf(Character.toLowerCase(c));
    }

    private static String foldChar(char c) {
        switch (Character.toLowerCase(c)) {
            case 'ß':
                return "ss";
            case 'æ':
                return "ae";
            case 'œ':
                return "oe";
            case 'ø':
                return "o";
            case 'ł':
                return "l";
            case 'đ':
                return "d";
            case 'ı':
                return "i";
            case 'þ':
                return "th";
            default:
                break;
        }
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return "";
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (Character.getType(d) != Character.NON_SPACING_MARK) {
                kept.append(d);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}
