package org.ewea.collectors.normalise;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Language detection with Lingua in low-accuracy mode (trigram models), restricted to the languages given (fewer
 * languages: less memory, fewer confusions). Texts shorter than {@value #MIN_LENGTH} characters, and texts Lingua is
 * unsure about, get no language. Thread-safe.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    static final int MIN_LENGTH = 20;

    private final com.github.pemistahl.lingua.api.LanguageDetector detector;

    /** @param languages ISO 639-1 codes, e.g. en, de, fr */
    public LinguaLanguageDetector(Collection<String> languages) {
        IsoCode639_1[] codes = languages.stream()
                .map(l -> IsoCode639_1.valueOf(l.toUpperCase(Locale.ROOT)))
                .toArray(IsoCode639_1[]::new);
        // Low-accuracy mode loads trigram models only: a fraction of the memory, and reliable on paragraphs.
        this.detector = LanguageDetectorBuilder.fromIsoCodes639_1(codes)
                .withLowAccuracyMode()
                .withMinimumRelativeDistance(0.1)
                .build();
    }

    @Override
    public Optional<String> detect(String text) {
        if (text.strip().length() < MIN_LENGTH) {
            return Optional.empty();
        }
        Language language = detector.detectLanguageOf(text.length() > 2000 ? text.substring(0, 2000) : text);
        return language == Language.UNKNOWN
                ? Optional.empty()
                : Optional.of(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
    }
}
