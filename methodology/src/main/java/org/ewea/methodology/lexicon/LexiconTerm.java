package org.ewea.methodology.lexicon;

/**
 * A term to match.
 *
 * @param technologyId the taxonomy entry it stands for
 * @param term the label, synonym or acronym as written in the taxonomy
 * @param language the language it is written in
 * @param acronym true for acronyms, which match case-sensitively (so "RaaS" does not match "raas" in other text)
 */
public record LexiconTerm(String technologyId, String term, String language, boolean acronym) {}
