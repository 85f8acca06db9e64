package org.ewea.collectors.search;

import java.util.List;
import java.util.Map;

/**
 * What a search found: one page of item ids, best first, the total, and the facet counts over all matches.
 *
 * @param ids the page's item ids
 * @param total matches in all
 * @param facets per facet (technology, crimeArea, source, language, grade, month), its values with counts, most first
 */
public record SearchResult(List<String> ids, long total, Map<String, List<FacetCount>> facets) {

    /** A facet value and how many matches have it. */
    public record FacetCount(String value, long count) {}
}
