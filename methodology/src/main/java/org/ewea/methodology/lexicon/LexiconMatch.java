package org.ewea.methodology.lexicon;

/**
 * One place where a lexicon term was found.
 *
 * @param technologyId the taxonomy entry the term belongs to
 * @param start offset of the first character in the original text
 * @param end offset after the last character in the original text
 * @param text the original text matched
 * @param term the lexicon term (label or acronym) it matched
 * @param language the language of that term
 */
public record LexiconMatch(String technologyId, int start, int end, String text, String term, String language) {}
