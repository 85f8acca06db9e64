package org.ewea.scoring.terms;

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
 * not start a sentence), 3 to 30 characters, not inside a
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
            + "|\\d+(st|nd|rd|th|s|k|m|gb|mb|kb|tb|am|pm|h|x)");
    /** All-capital words too common in security text to be names. */
    private static final Set<String> COMMON_CAPITALS = Set.of("the", "and", "for", "with", "new", "url", "api",
            "pdf", "html", "http", "https", "www", "usa", "eu", "uk", "ceo", "cto", "ciso", "faq", "tls", "ssl",
            "dns", "vpn", "ssh", "sql", "xss", "rce", "poc", "ioc", "iocs", "cisa", "fbi", "nsa", "cve", "cvss",
            "kev", "ttp", "ttps", "apt", "mfa", "sso", "ai", "llm", "gdpr", "pii", "rss", "json", "xml", "cpu",
            "gpu", "os", "ip", "tcp", "udp", "smb", "rdp", "ftp", "usb", "sms", "id", "ids", "ips", "soc", "edr",
            "xdr", "siem", "waf", "nist", "nvd", "cwe", "owasp", "update", "patch", "note", "alert", "warning",
            "critical", "high", "medium", "low", "breaking", "exclusive");

    /** One name found, with the form it was written in. */
    public record Term(String key, String label) {
    }

    private final LexiconMatcher lexicon;

    public TermExtractor(LexiconMatcher lexicon) {
        this.lexicon = lexicon;
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
        Matcher words = WORD.matcher(read);
        while (words.find()) {
            String word = words.group();
            if (known[words.start()] || known[words.end() - 1] || EXCLUDED.matcher(word).matches()) {
                continue;
            }
            boolean name = INNER_CAPITAL.matcher(word).matches() || LETTERS_AND_DIGITS.matcher(word).matches()
                    || ALL_CAPITALS.matcher(word).matches()
                    || (body && CAPITALISED.matcher(word).matches() && !startsSentence(read, words.start()));
            String key = TextFolding.fold(word).toLowerCase(Locale.ROOT);
            if (name && !COMMON_CAPITALS.contains(key)) {
                terms.putIfAbsent(key, new Term(key, word));
            }
        }
    }

    /** Whether the word at {@code start} begins a sentence (or the text, a line or a quotation). */
    private static boolean startsSentence(String text, int start) {
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '\''
                || text.charAt(i) == '(' || text.charAt(i) == '“' || text.charAt(i) == '‘')) {
            i--;
        }
        return i < 0 || ".!?:\n\r•–—|>".indexOf(text.charAt(i)) >= 0;
    }
}
