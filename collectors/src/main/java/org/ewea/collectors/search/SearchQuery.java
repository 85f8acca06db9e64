package org.ewea.collectors.search;

import java.time.LocalDate;
import org.ewea.methodology.Clearance;
import org.jspecify.annotations.Nullable;

/**
 * A search: plain text (never query syntax) and facet filters; nulls do not filter.
 *
 * @param text words to find, in any language
 * @param technology a taxonomy id the items are tagged with
 * @param crimeArea a crime area of the items' technologies
 * @param source a source id
 * @param language an item language
 * @param grade a source grade, e.g. B2
 * @param from first day (published, else captured), inclusive
 * @param to last day, inclusive
 * @param clearance the reader's clearance: only items it permits
 * @param page page number from 0
 * @param size page size
 */
public record SearchQuery(
        @Nullable String text,
        @Nullable String technology,
        @Nullable String crimeArea,
        @Nullable String source,
        @Nullable String language,
        @Nullable String grade,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        Clearance clearance,
        int page,
        int size) {}
