package org.ewea.api.items;

import org.ewea.api.web.ApiProblem;
import org.jspecify.annotations.Nullable;

/**
 * How much one full-text search may ask for, the same for the service's item search and an exercise's: the text's
 * length and words (each word is searched in every language and through the lexicon's synonyms) and how deep it
 * pages. A search beyond them is answered 400 naming the parameter.
 */
public final class SearchLimits {

    public static final int MAX_QUERY = 500;
    public static final int MAX_WORDS = 40;
    public static final int MAX_SEARCH_DEPTH = 10_000;

    private SearchLimits() {}

    /** @throws ApiProblem naming {@code q} or {@code page} when the search asks for more */
    public static void check(@Nullable String q, int page, int size) {
        if (q != null && q.length() > MAX_QUERY) {
            throw ApiProblem.invalidParameter(
                    "q", q.substring(0, 40) + "...", "must be at most " + MAX_QUERY + " characters");
        }
        if (q != null && q.strip().split("\\s+").length > MAX_WORDS) {
            throw ApiProblem.invalidParameter(
                    "q",
                    q.substring(0, Math.min(40, q.length())) + "...",
                    "must be at most " + MAX_WORDS + " words (each word is searched in every language and through the"
                            + " lexicon's synonyms)");
        }
        if ((long) (page + 1) * size > MAX_SEARCH_DEPTH) {
            throw ApiProblem.invalidParameter(
                    "page",
                    Integer.toString(page),
                    "a search pages through the first " + MAX_SEARCH_DEPTH
                            + " matches only: narrow it with q or a filter");
        }
    }
}
