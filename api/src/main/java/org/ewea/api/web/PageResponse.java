package org.ewea.api.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, the shape every list endpoint answers with.
 *
 * @param items the elements of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many elements the whole listing has
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    /** The page of a list held in memory. */
    public static <T> PageResponse<T> of(List<T> all, int page, int size) {
        long from = (long) page * size;
        List<T> items =
                from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + size));
        return new PageResponse<>(List.copyOf(items), page, size, all.size());
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
