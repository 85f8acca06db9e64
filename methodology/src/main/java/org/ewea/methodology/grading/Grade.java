package org.ewea.methodology.grading;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grade in one scheme: a code for each of its dimensions.
 *
 * @param scheme the scheme id
 * @param codes code by dimension id, in the scheme's order
 */
public record Grade(String scheme, Map<String, String> codes) {

    public Grade {
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    /** As written, e.g. {@code B2}, {@code 1AP}, {@code A1H0}: codes joined, with '-' before a multi-character code. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String code : codes.values()) {
            if (!text.isEmpty() && code.length() > 1) {
                text.append('-');
            }
            text.append(code);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return scheme + ":" + text();
    }
}
