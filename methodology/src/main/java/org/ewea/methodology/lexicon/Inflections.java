package org.ewea.methodology.lexicon;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Inflected forms of a folded word, by the rules of the language its label is written in: regular plurals and the
 * commonest case endings. A lexicon term matches these forms of its last word (the head noun in English, German and
 * Dutch) and, for the Romance languages and Polish, of its first word as well. Words shorter than four letters are not
 * inflected, which keeps short terms from matching unrelated words.
 */
public final class Inflections {

    private Inflections() {}

    public static Set<String> of(String word, String language) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        if (word.length() < 4 || !Character.isLetter(word.charAt(word.length() - 1))) {
            return forms;
        }
        String stem = word.substring(0, word.length() - 1);
        char last = word.charAt(word.length() - 1);
        switch (language) {
            case "en" -> {
                forms.add(word + "s");
                forms.add(word + "es");
                if (last == 'y') {
                    forms.add(stem + "ies");
                }
            }
            case "de" -> {
                forms.add(word + "s");
                forms.add(word + "n");
                forms.add(word + "en");
                forms.add(word + "e");
                forms.add(word + "er");
                forms.add(word + "ern");
                forms.add(word + "es");
            }
            case "nl" -> {
                forms.add(word + "s");
                forms.add(word + "en");
                forms.add(word + "n");
                if (last == 'y') {
                    forms.add(stem + "ies");
                }
            }
            case "fr" -> {
                forms.add(word + "s");
                forms.add(word + "x");
                if (word.endsWith("al")) {
                    forms.add(stem.substring(0, stem.length() - 1) + "aux");
                }
            }
            case "es", "pt" -> {
                forms.add(word + "s");
                forms.add(word + "es");
                if (word.endsWith("ao")) {
                    forms.add(word.substring(0, word.length() - 2) + "oes");
                }
                if (last == 'z') {
                    forms.add(stem + "ces");
                }
            }
            case "it" -> {
                if (last == 'o' || last == 'e') {
                    forms.add(stem + "i");
                } else if (last == 'a') {
                    forms.add(stem + "e");
                } else {
                    forms.add(word + "s");
                }
            }
            case "pl" -> {
                if (last == 'a') {
                    for (String ending : new String[] {"y", "i", "e", "ami", "ach", "om"}) {
                        forms.add(stem + ending);
                    }
                } else if (last == 'e' || last == 'o') {
                    for (String ending : new String[] {"a", "u", "em", "ami", "ach"}) {
                        forms.add(stem + ending);
                    }
                } else {
                    for (String ending : new String[] {"y", "i", "u", "a", "em", "ow", "ami", "ach", "e"}) {
                        forms.add(word + ending);
                    }
                }
            }
            default -> forms.add(word + "s");
        }
        return forms;
    }

    /** Whether inflecting the first word of a multi-word term makes sense in this language (head noun first). */
    static boolean headFirst(String language) {
        return switch (language) {
            case "fr", "es", "it", "pt", "pl" -> true;
            default -> false;
        };
    }
}
