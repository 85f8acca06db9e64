package org.ewea.scoring.terms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ewea.methodology.lexicon.TextFolding;

/**
 * The words of a language that are not names, however they are written: the common English words of SCOWL (its
 * levels 10 and 20, about 11,000 words: "support", "wallet", "delete", "victim"; shipped as
 * {@code common-words-en.txt} with its copyright notice), and, in every language given, the names of the days,
 * months, languages and countries, and the ISO 4217 codes of the currencies in use (all from the JDK's locale data: "Monday",
 * "Februar", "Latin", "USD"). A negotiation portal's roles ("Support:", "Victim:"), a
 * shouted "READ THIS" and a headline's "Once Upon" are then not new names; a name written only as a name
 * (an inner capital as in RansomHub, letters with digits as in APT36) never counts as a word.
 *
 * <p>What this costs, measured against MITRE ATT&CK: 51 of its 1,160 group and software names consist of such words
 * only ("Play", "Silence", "Bad Rabbit", "Net"); a new group calling itself by a common word is found only when it
 * writes its name with a capital inside or beside a word that is not common.
 */
public final class CommonWords {

    private static final String RESOURCE = "common-words-en.txt";
    private static final Pattern NAME_ONLY = Pattern.compile(".*(\\p{Ll}\\p{Lu}|\\p{L}\\p{N}|\\p{N}\\p{L}).*");
    private static final Pattern TOKENS = Pattern.compile("[\\s.,!?;:'\"()]+");

    private final Set<String> words;

    private CommonWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The shipped English words and the day and month names of the given languages (ISO 639-1 codes). */
    public static CommonWords forLanguages(Collection<String> languages) {
        Set<String> words = new HashSet<>(english());
        Set<String> all = new HashSet<>(languages);
        all.add("en");
        for (String language : all) {
            Locale locale = Locale.forLanguageTag(language);
            for (TextStyle style : List.of(TextStyle.FULL, TextStyle.SHORT, TextStyle.FULL_STANDALONE)) {
                for (DayOfWeek d : DayOfWeek.values()) {
                    words.add(key(d.getDisplayName(style, locale)));
                }
                for (Month m : Month.values()) {
                    words.add(key(m.getDisplayName(style, locale)));
                }
            }
        }
        for (String country : Locale.getISOCountries()) {
            // the currency in use there now (not the historic codes, which collide with groups' acronyms)
            try {
                Currency currency = Currency.getInstance(Locale.of("", country));
                if (currency != null) {
                    words.add(key(currency.getCurrencyCode()));
                }
            } catch (IllegalArgumentException noCurrency) {
                // a territory without a currency of its own
            }
        }
        for (String language : all) {
            Locale in = Locale.forLanguageTag(language);
            for (String code : Locale.getISOLanguages()) {
                words.add(key(Locale.of(code).getDisplayLanguage(in)));
            }
            for (String code : Locale.getISOCountries()) {
                words.add(key(Locale.of("", code).getDisplayCountry(in)));
            }
        }
        words.remove("");
        return new CommonWords(words);
    }

    /** Only the given words (tests). */
    public static CommonWords of(Collection<String> words) {
        Set<String> keys = new HashSet<>();
        words.forEach(w -> keys.add(key(w)));
        return new CommonWords(keys);
    }

    /** Whether the written form is made of common words only, and not written as only a name can be. */
    public boolean wordsOnly(String label) {
        if (NAME_ONLY.matcher(label).matches()) {
            return false;
        }
        String[] tokens = TOKENS.split(label.strip());
        int counted = 0;
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            if (!words.contains(key(token))) {
                return false;
            }
            counted++;
        }
        return counted > 0;
    }

    /** Whether one word (any case) is common. */
    public boolean contains(String word) {
        return words.contains(key(word));
    }

    private static String key(String word) {
        return TextFolding.fold(word.replace(".", "")).toLowerCase(Locale.ROOT).strip();
    }

    private static Set<String> english() {
        try (InputStream in = CommonWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the common-word list " + RESOURCE + " is missing from the jar");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common-word list " + RESOURCE, e);
        }
    }
}
