package org.ewea.methodology;

import java.util.Locale;

/**
 * An Admiralty (NATO) grade: source reliability A-F with information credibility 1-6, written {@code B2}. The default
 * for an ungraded source is {@code F6}: nothing can be judged.
 */
public record AdmiraltyGrade(SourceReliability source, InformationCredibility information) {

    public static final AdmiraltyGrade UNGRADED =
            new AdmiraltyGrade(SourceReliability.F, InformationCredibility.CANNOT_BE_JUDGED);

    /** The two-character code, e.g. {@code B2}. */
    public String code() {
        return source.name() + information.code();
    }

    /**
     * Parses a code such as {@code B2} or {@code b2}.
     *
     * @throws IllegalArgumentException saying what a valid code looks like
     */
    public static AdmiraltyGrade parse(String code) {
        String text = code.strip().toUpperCase(Locale.ROOT);
        if (text.length() != 2
                || text.charAt(0) < 'A'
                || text.charAt(0) > 'F'
                || text.charAt(1) < '1'
                || text.charAt(1) > '6') {
            throw new IllegalArgumentException("invalid Admiralty grade '" + code
                    + "': expected source reliability A-F followed by information credibility 1-6, e.g. B2");
        }
        return new AdmiraltyGrade(
                SourceReliability.valueOf(text.substring(0, 1)), InformationCredibility.ofCode(text.charAt(1) - '0'));
    }

    @Override
    public String toString() {
        return code();
    }
}
