package org.ewea.collectors.normalise;

import java.util.Optional;

/** Tells the language of a text as a BCP 47 tag (e.g. {@code de}), or nothing when it cannot tell. */
@FunctionalInterface
public interface LanguageDetector {

    Optional<String> detect(String text);

    /** Detects nothing: items keep their source's language hint. */
    LanguageDetector NONE = text -> Optional.empty();
}
