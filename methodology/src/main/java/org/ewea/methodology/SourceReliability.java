package org.ewea.methodology;

/** Admiralty (NATO AJP-2.1) source reliability, A (completely reliable) to F (cannot be judged). */
public enum SourceReliability {
    A("completely reliable"),
    B("usually reliable"),
    C("fairly reliable"),
    D("not usually reliable"),
    E("unreliable"),
    F("reliability cannot be judged");

    private final String meaning;

    SourceReliability(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
