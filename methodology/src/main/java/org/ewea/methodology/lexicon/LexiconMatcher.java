package org.ewea.methodology.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tags text with taxonomy ids and offsets. Compiled once from the lexicon into a trie of folded words: text and terms
 * are folded alike (case, diacritics, ß/æ/œ...), split into words at every character that is not a letter or digit
 * (so "ransomware-as-a-service" and "ransomware as a service" are the same four words), and a term matches the
 * inflected forms of its head word (see {@link Inflections}). A term never spans phrase punctuation (". , ; : ! ?",
 * brackets, quotes, line breaks). Matching is leftmost-longest and never overlaps: in
 * "voice cloning service" the longest known term starting at "voice" wins. Acronyms match case-sensitively, as whole
 * words, optionally with a plural "s". Immutable and safe to share between threads.
 */
public final class LexiconMatcher {

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);

        @Nullable
        Map<String, LexiconTerm> terms; // technology id -> the term that brought it here
    }

    private final Node root = new Node();
    private final Map<String, Map<String, LexiconTerm>> acronyms = new HashMap<>();
    private final int termCount;

    private LexiconMatcher(List<LexiconTerm> terms) {
        for (LexiconTerm term : terms) {
            if (term.acronym()) {
                addAcronym(term);
            } else {
                addTerm(term);
            }
        }
        this.termCount = terms.size();
    }

    public static LexiconMatcher compile(List<LexiconTerm> terms) {
        return new LexiconMatcher(terms);
    }

    /** How many terms it was compiled from. */
    public int termCount() {
        return termCount;
    }

    private void addTerm(LexiconTerm term) {
        List<String> words = words(TextFolding.fold(term.term()));
        if (words.isEmpty()) {
            return;
        }
        int last = words.size() - 1;
        Set<String> lastForms = Inflections.of(words.get(last), term.language());
        if (last == 0) {
            lastForms.forEach(form -> insert(List.of(form), term));
            return;
        }
        Set<String> firstForms = Inflections.headFirst(term.language())
                ? Inflections.of(words.getFirst(), term.language())
                : Set.of(words.getFirst());
        for (String first : firstForms) {
            for (String lastForm : lastForms) {
                List<String> variant = new ArrayList<>(words);
                variant.set(0, first);
                variant.set(last, lastForm);
                insert(variant, term);
            }
        }
    }

    private void insert(List<String> words, LexiconTerm term) {
        Node node = root;
        for (String word : words) {
            node = node.next.computeIfAbsent(word, w -> new Node());
        }
        if (node.terms == null) {
            node.terms = new LinkedHashMap<>(2);
        }
        node.terms.putIfAbsent(term.technologyId(), term);
    }

    private void addAcronym(LexiconTerm term) {
        for (String form : new String[] {term.term(), term.term() + "s"}) {
            acronyms.computeIfAbsent(form, f -> new LinkedHashMap<>(2)).putIfAbsent(term.technologyId(), term);
        }
    }

    /** Every match in {@code text}, in text order. */
    public List<LexiconMatch> match(CharSequence text) {
        FoldedText folded = FoldedText.of(text);
        int[] starts = new int[64];
        int[] ends = new int[64];
        boolean[] breakBefore = new boolean[64];
        int count = 0;
        int length = folded.length();
        boolean hardBreak = false;
        for (int i = 0; i < length; ) {
            char c = folded.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                hardBreak |= isHardBreak(c);
                i++;
                continue;
            }
            int start = i;
            while (i < length && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                breakBefore = Arrays.copyOf(breakBefore, count * 2);
            }
            breakBefore[count] = hardBreak;
            hardBreak = false;
            starts[count] = start;
            ends[count++] = i;
        }
        String[] words = new String[count];
        List<LexiconMatch> matches = new ArrayList<>();
        for (int w = 0; w < count; ) {
            Node node = root;
            int bestEnd = -1;
            Map<String, LexiconTerm> best = null;
            for (int k = w; k < count && (k == w || !breakBefore[k]); k++) {
                String word = words[k] != null ? words[k] : (words[k] = folded.substring(starts[k], ends[k]));
                node = node.next.get(word);
                if (node == null) {
                    break;
                }
                if (node.terms != null) {
                    bestEnd = k;
                    best = node.terms;
                }
            }
            Map<String, LexiconTerm> acronym =
                    acronyms.isEmpty() ? null : acronyms.get(original(text, folded, starts[w], ends[w]));
            if (best == null && acronym == null) {
                w++;
                continue;
            }
            int last = best != null ? bestEnd : w;
            int from = folded.originalStart(starts[w]);
            int to = folded.originalStart(ends[last] - 1) + 1;
            String matched = text.subSequence(from, to).toString();
            Map<String, LexiconTerm> found = new LinkedHashMap<>();
            if (best != null) {
                found.putAll(best);
            }
            if (acronym != null && last == w) {
                acronym.forEach(found::putIfAbsent);
            }
            found.values()
                    .forEach(term -> matches.add(
                            new LexiconMatch(term.technologyId(), from, to, matched, term.term(), term.language())));
            w = last + 1;
        }
        return matches;
    }

    /** Punctuation that ends a phrase: a term never spans it (spaces, hyphens, slashes and apostrophes it may). */
    private static boolean isHardBreak(char c) {
        return switch (c) {
            case '.',
                    ',',
                    ';',
                    ':',
                    '!',
                    '?',
                    '(',
                    ')',
                    '[',
                    ']',
                    '{',
                    '}',
                    '"',
                    '\u00ab',
                    '\u00bb',
                    '|',
                    '\n',
                    '\r',
                    '\u2026',
                    '\u201c',
                    '\u201d' -> true;
            default -> false;
        };
    }

    private static String original(CharSequence text, FoldedText folded, int start, int end) {
        return text.subSequence(folded.originalStart(start), folded.originalStart(end - 1) + 1)
                .toString();
    }

    /** The words of a folded text: maximal runs of letters and digits. */
    static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            if (!Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < folded.length() && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            words.add(folded.substring(start, i));
        }
        return words;
    }
}
