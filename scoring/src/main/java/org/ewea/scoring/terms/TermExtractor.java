package org.ewea.scoring.terms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ewea.methodology.lexicon.LexiconMatch;
import org.ewea.methodology.lexicon.LexiconMatcher;
import org.ewea.methodology.lexicon.TextFolding;

/**
 * Finds the names in a text that could be new actors, tools or services: words written like names (an inner
 * capital as in LockBit or RansomHub, letters mixed with digits as in Storm-0558 or UNC3944, all capitals of 3 to 8
 * letters as in ALPHV, or, in the body only since headlines capitalise every word, a capitalised word that does
 * not start a sentence or that is a speaker's label, "Akira: ..." in a chat transcript; a label of two or three
 * capitalised words, "Black Basta: ...", is one name), 3 to 30 characters, not inside a
 * match of the taxonomy lexicon, and not a CVE, ATT&CK or plain number. Which of them are new is decided later
 * from their history ({@link CandidateFinder}): a word that has always been there is not novel, however it is
 * written. Only the first {@value #MAX_CHARS} characters are read.
 */
public final class TermExtractor {

    public static final int MAX_CHARS = 20_000;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{1,28}[\\p{L}\\p{N}]");
    private static final Pattern INNER_CAPITAL = Pattern.compile("\\p{L}+\\p{Lu}\\p{L}*");
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("(?=.*\\p{L})(?=.*\\p{N})[\\p{L}\\p{N}-]+");
    private static final Pattern ALL_CAPITALS = Pattern.compile("\\p{Lu}{3,8}");
    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}\\p{Ll}{2,}");
    private static final Pattern EXCLUDED = Pattern.compile("(?i)cve-\\d{4}-\\d+|[gstm]\\d{4}(\\.\\d{3})?|[\\d-]+"
            + "|\\d+(st|nd|rd|th|s|k|m|gb|mb|kb|tb|am|pm|h|x)"
            // amounts: 2mil, 150-300K, 3.5bn, 30percent
            + "|\\d[\\d-]*(k|m|b|mil|mln|bn|million|billion)|\\d[\\d-]*percent\\p{L}*"
            // measures: 50-page, 7-Year, 20-year-old
            + "|\\d[\\d.,]*(-\\p{L}+)+");
    /** All-capital words too common in security text to be names. */
    private static final Set<String> COMMON_CAPITALS = Set.of(
            "the",
            "and",
            "for",
            "with",
            "new",
            "url",
            "api",
            "pdf",
            "html",
            "http",
            "https",
            "www",
            "usa",
            "eu",
            "uk",
            "ceo",
            "cto",
            "ciso",
            "faq",
            "tls",
            "ssl",
            "dns",
            "vpn",
            "ssh",
            "sql",
            "xss",
            "rce",
            "poc",
            "ioc",
            "iocs",
            "cisa",
            "fbi",
            "nsa",
            "cve",
            "cvss",
            "kev",
            "ttp",
            "ttps",
            "apt",
            "mfa",
            "sso",
            "ai",
            "llm",
            "gdpr",
            "pii",
            "rss",
            "json",
            "xml",
            "cpu",
            "gpu",
            "os",
            "ip",
            "tcp",
            "udp",
            "smb",
            "rdp",
            "ftp",
            "usb",
            "sms",
            "id",
            "ids",
            "ips",
            "soc",
            "edr",
            "xdr",
            "siem",
            "waf",
            "nist",
            "nvd",
            "cwe",
            "owasp",
            "update",
            "patch",
            "note",
            "alert",
            "warning",
            "critical",
            "high",
            "medium",
            "low",
            "breaking",
            "exclusive");

    /**
     * A speaker's label of two or three capitalised words ("Black Basta: ...", "Hunters International: ...") opening
     * the text or a sentence (after . ! or ?): the label is one name, its words are not names of their own. Item text
     * has its line breaks collapsed, so a label after an unpunctuated message ("Victim: Hello Conti: ...") cannot be
     * told from the message's last words and is left alone.
     */
    private static final Pattern MULTI_WORD_SPEAKER = Pattern.compile(
            "(?:^|(?<=[.!?] ))(\\p{Lu}[\\p{L}\\p{N}]{1,20}(?: \\p{Lu}[\\p{L}\\p{N}.]{0,20}){1,2}):(?=\\s|$)");

    /**
     * Two or three capitalised words in a row inside a sentence ("by Midnight Blizzard", "the Lotus Blossom group"):
     * one name, whose words are not names of their own.
     */
    private static final Pattern MULTI_WORD_NAME =
            Pattern.compile("(?<![\\p{L}\\p{N}])(?:\\p{Lu}\\p{Ll}{2,20}|\\p{L}{0,20}\\p{Ll}\\p{Lu}\\p{L}{0,20})"
                    + "(?: (?:\\p{Lu}\\p{Ll}{2,20}|\\p{L}{0,20}\\p{Ll}\\p{Lu}\\p{L}{0,20})){1,2}(?![\\p{L}\\p{N}])");

    /**
     * Web and onion addresses, host names and e-mail addresses: their parts are not names. Every repetition is
     * bounded (64 characters a label, 10 labels a host, RFC 5321 lengths for e-mail): hostile text such as 20,000
     * characters of {@code a.a.a.} cannot make the matcher recurse or backtrack without end.
     */
    private static final Pattern ADDRESS = Pattern.compile("(?i)(?:https?://|www\\.)\\S+"
            + "|[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}.-]{1,253}\\.\\p{L}{2,24}|[a-z2-7]{16,56}\\.onion\\b"
            + "|\\b(?:[\\p{L}\\p{N}-]{1,63}\\.){1,10}(?:com|net|org|io|ru|onion|info|biz)\\b(?:/\\S*)?"
            + "|\\b(?:[\\p{L}\\p{N}-]{1,63}\\.){1,10}\\p{L}{2,6}/\\S*");

    /**
     * One name found, with the form it was written in.
     *
     * @param speaker whether it is a speaker's label ("Akira: ...") somewhere in the body
     * @param beside whether an actor noun ({@code actor-nouns.txt}: ransomware, group, stealer...) stands within
     *     {@value #NEAR} words of it somewhere in the item, in the same sentence
     */
    public record Term(String key, String label, boolean speaker, boolean beside) {

        public Term(String key, String label, boolean speaker) {
            this(key, label, speaker, false);
        }

        Term or(Term other) {
            return new Term(key, label, speaker || other.speaker, beside || other.beside);
        }
    }

    /** How many words either side of a name are read for an actor noun. */
    public static final int NEAR = 3;

    private final LexiconMatcher lexicon;
    private final Set<String> actorNouns;

    public TermExtractor(LexiconMatcher lexicon) {
        this.lexicon = lexicon;
        this.actorNouns = actorNouns();
    }

    private static Set<String> actorNouns() {
        try (InputStream in = TermExtractor.class.getResourceAsStream("actor-nouns.txt")) {
            if (in == null) {
                throw new IllegalStateException("actor-nouns.txt is missing from the jar");
            }
            Set<String> nouns = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    nouns.add(TextFolding.fold(line.strip()).toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(nouns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read actor-nouns.txt", e);
        }
    }

    /**
     * Whether an actor noun stands within {@value #NEAR} words before or after {@code [start, end)}, without a
     * sentence end (. ! ? or a line break) between.
     */
    private boolean actorNounNear(String text, int start, int end) {
        return nounFrom(text, end, 1) || nounFrom(text, start - 1, -1);
    }

    private boolean nounFrom(String text, int from, int step) {
        int i = from;
        for (int word = 0; word < NEAR; word++) {
            while (i >= 0 && i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
                if (".!?\n\r".indexOf(text.charAt(i)) >= 0) {
                    return false;
                }
                i += step;
            }
            int wordStart = i;
            while (i >= 0
                    && i < text.length()
                    && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
                i += step;
            }
            if (wordStart == i) {
                return false;
            }
            String w = step > 0 ? text.substring(wordStart, i) : text.substring(i + 1, wordStart + 1);
            if (actorNouns.contains(TextFolding.fold(w).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The distinct names of an item's title and body, by key (folded, lower case), each with its first form. */
    public Map<String, Term> terms(String title, String text) {
        Map<String, Term> terms = new LinkedHashMap<>();
        collect(title, false, terms);
        // feeds often repeat the headline in the body; read the body without it
        collect(title.isBlank() ? text : text.replace(title, "\n"), true, terms);
        return terms;
    }

    private void collect(String text, boolean body, Map<String, Term> terms) {
        String read = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        boolean[] known = new boolean[read.length()];
        for (LexiconMatch m : lexicon.match(read)) {
            for (int i = Math.max(0, m.start()); i < Math.min(read.length(), m.end()); i++) {
                known[i] = true;
            }
        }
        Matcher addresses = ADDRESS.matcher(read);
        while (addresses.find()) {
            Arrays.fill(known, addresses.start(), addresses.end(), true);
        }
        boolean[] inLabel = new boolean[read.length()];
        if (body) {
            Matcher labels = MULTI_WORD_SPEAKER.matcher(read);
            while (labels.find()) {
                String label = labels.group(1);
                if (known[labels.start(1)] || known[labels.end(1) - 1]) {
                    continue;
                }
                String key = TextFolding.fold(label).toLowerCase(Locale.ROOT);
                terms.merge(
                        key, new Term(key, label, true, actorNounNear(read, labels.start(1), labels.end(1))), Term::or);
                Arrays.fill(inLabel, labels.start(1), labels.end(1), true);
            }
            Matcher names = MULTI_WORD_NAME.matcher(read);
            while (names.find()) {
                if (known[names.start()]
                        || known[names.end() - 1]
                        || inLabel[names.start()]
                        || startsSentence(read, names.start())) {
                    continue;
                }
                String name = names.group();
                String key = TextFolding.fold(name).toLowerCase(Locale.ROOT);
                terms.merge(key, new Term(key, name, false, actorNounNear(read, names.start(), names.end())), Term::or);
                Arrays.fill(inLabel, names.start(), names.end(), true);
            }
        }
        Matcher words = WORD.matcher(read);
        while (words.find()) {
            String word = words.group();
            if (known[words.start()]
                    || known[words.end() - 1]
                    || inLabel[words.start()]
                    || EXCLUDED.matcher(word).matches()) {
                continue;
            }
            boolean speaker = body && speaker(read, words.end());
            boolean name = INNER_CAPITAL.matcher(word).matches()
                    || LETTERS_AND_DIGITS.matcher(word).matches()
                    || (ALL_CAPITALS.matcher(word).matches() && !shouted(read, words.start(), words.end()))
                    || (body
                            && CAPITALISED.matcher(word).matches()
                            && (!startsSentence(read, words.start()) || speaker));
            String key = TextFolding.fold(word).toLowerCase(Locale.ROOT);
            if (name && !COMMON_CAPITALS.contains(key)) {
                terms.merge(
                        key, new Term(key, word, speaker, actorNounNear(read, words.start(), words.end())), Term::or);
            }
        }
    }

    /**
     * Whether an all-capital word is shouting rather than an acronym: the word before or after it (on the same
     * line) is written in capitals too, as in "READ THIS NOTE".
     */
    private static boolean shouted(String text, int start, int end) {
        return capitalWord(text, end, 1) || capitalWord(text, start - 1, -1);
    }

    /** Whether the neighbouring word from {@code from} in direction {@code step} is all capitals (2+ letters). */
    private static boolean capitalWord(String text, int from, int step) {
        int i = from;
        while (i >= 0 && i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
            i += step;
        }
        int letters = 0;
        while (i >= 0 && i < text.length() && Character.isLetter(text.charAt(i))) {
            if (!Character.isUpperCase(text.charAt(i))) {
                return false;
            }
            letters++;
            i += step;
        }
        return letters >= 2;
    }

    /**
     * Whether the word ending at {@code end} is followed by a colon and a space (or the end): a speaker's label, as
     * in "Akira: ..." in a chat transcript (item text has its line breaks collapsed, so the label may follow the
     * previous message on the same line).
     */
    private static boolean speaker(String text, int end) {
        return end < text.length()
                && text.charAt(end) == ':'
                && (end + 1 == text.length() || Character.isWhitespace(text.charAt(end + 1)));
    }

    /** Whether the word at {@code start} begins a sentence (or the text, a line or a quotation). */
    private static boolean startsSentence(String text, int start) {
        int i = start - 1;
        while (i >= 0
                && (text.charAt(i) == ' '
                        || text.charAt(i) == '"'
                        || text.charAt(i) == '\''
                        || text.charAt(i) == '('
                        || text.charAt(i) == '“'
                        || text.charAt(i) == '‘')) {
            i--;
        }
        return i < 0 || ".!?:\n\r•–—|>".indexOf(text.charAt(i)) >= 0;
    }
}
