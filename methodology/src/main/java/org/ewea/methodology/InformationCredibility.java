package org.ewea.methodology;

/** Admiralty (NATO AJP-2.1) information credibility, 1 (confirmed by other sources) to 6 (truth cannot be judged). */
public enum InformationCredibility {
    CONFIRMED(1, "confirmed by other sources"),
    PROBABLY_TRUE(2, "probably true"),
    POSSIBLY_TRUE(3, "possibly true"),
    DOUBTFUL(4, "doubtful"),
    IMPROBABLE(5, "improbable"),
    CANNOT_BE_JUDGED(6, "truth cannot be judged");

    private final int code;
    private final String meaning;

    InformationCredibility(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static InformationCredibility ofCode(int code) {
        for (InformationCredibility credibility : values()) {
            if (credibility.code == code) {
                return credibility;
            }
        }
        throw new IllegalArgumentException("information credibility must be 1 to 6, was " + code);
    }
}
