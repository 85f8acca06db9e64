package org.ewea.api.items;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.RequestValues;
import org.ewea.collectors.search.ItemIndex;
import org.ewea.collectors.search.SearchQuery;
import org.ewea.collectors.search.SearchResult;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.taxonomy.Technology;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Harmonised items, newest first. */
@RestController
@RequestMapping(path = "/api/v1/items", produces = "application/json")
@Tag(name = "Items", description = "Harmonised items collected from every source")
class ItemsController {

    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = 1_000_000;

    private final ItemRepository items;
    private final ItemIndex index;
    private final BlockingStore store;

    ItemsController(ItemRepository items, ItemIndex index, BlockingStore store) {
        this.items = items;
        this.index = index;
        this.store = store;
    }

    /**
     * One page of items; with a search, the facet counts over every match and the technologies the text named (whose
     * labels in every language were searched too).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemsPage(
            List<ItemView> items,
            int page,
            int size,
            long total,
            @Nullable Map<String, List<SearchResult.FacetCount>> facets,
            @Nullable List<String> expanded) {}

    @GetMapping
    @Operation(
            summary = "List or search items, newest first or best match first",
            description = "Without q or a facet filter: items ordered by publication time (capture time for items"
                    + " without one), newest first, ties by id. With q (plain words in any language; never query"
                    + " syntax: quotes, operators and MongoDB operators such as {\"$gt\": \"\"} are searched as"
                    + " text) or a filter (technology, crimeArea, source, language, grade, from, to): a full-text"
                    + " search in the embedded Lucene index, best match first (newest first without q), with the"
                    + " lexicon's synonyms (a search for voice cloning also finds Stimmklonen and clonage de voix),"
                    + " stemming in the item's language, and facet counts. Only items whose TLP the caller is cleared"
                    + " for, in items, total and facets. Invalid parameters give 400 naming the parameter.")
    Mono<ItemsPage> list(
            @AuthenticationPrincipal User user,
            @Parameter(description = "Page number, from 0")
                    @RequestParam(name = "page", defaultValue = "0")
                    @Min(value = 0, message = "must be between 0 and " + MAX_PAGE)
                    @Max(value = MAX_PAGE, message = "must be between 0 and " + MAX_PAGE)
                    int page,
            @Parameter(description = "Page size, 1 to " + MAX_SIZE)
                    @RequestParam(name = "size", defaultValue = "20")
                    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
                    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
                    int size,
            @Parameter(
                            description =
                                    "Only items at least this threat-relevant (0 to 1; see relevance in each item);"
                                            + " not with a search")
                    @RequestParam(name = "minRelevance", required = false)
                    @DecimalMin(value = "0", message = "must be between 0 and 1")
                    @DecimalMax(value = "1", message = "must be between 0 and 1")
                    @Nullable
                    Double minRelevance,
            @Parameter(
                            description =
                                    "Only items reporting this kind of threat event (a type of the threat-type"
                                            + " model in use, e.g. Ransom; see relevance.threatTypes in each item); not with a search")
                    @RequestParam(name = "threatType", required = false)
                    @Pattern(
                            regexp = "[A-Za-z][A-Za-z0-9_-]{0,39}",
                            message = "must be a type name: a letter, then" + " letters, digits, _ or -, at most 40")
                    @Nullable
                    String threatType,
            @Parameter(description = "Words to find, in any language (plain text, at most 500 characters)")
                    @RequestParam(name = "q", required = false)
                    @Nullable
                    String q,
            @Parameter(description = "Facet filter: a taxonomy technology id")
                    @RequestParam(name = "technology", required = false)
                    @Nullable
                    String technology,
            @Parameter(description = "Facet filter: a crime area id")
                    @RequestParam(name = "crimeArea", required = false)
                    @Nullable
                    String crimeArea,
            @Parameter(description = "Facet filter: a source id")
                    @RequestParam(name = "source", required = false)
                    @Nullable
                    String source,
            @Parameter(description = "Facet filter: a language code, or unknown")
                    @RequestParam(name = "language", required = false)
                    @Nullable
                    String language,
            @Parameter(description = "Facet filter: a source grade, e.g. B2")
                    @RequestParam(name = "grade", required = false)
                    @Nullable
                    String grade,
            @Parameter(description = "First day (published, else captured), ISO")
                    @RequestParam(name = "from", required = false)
                    @Nullable
                    String from,
            @Parameter(description = "Last day, ISO") @RequestParam(name = "to", required = false) @Nullable
                    String to) {
        boolean search = q != null
                || technology != null
                || crimeArea != null
                || source != null
                || language != null
                || grade != null
                || from != null
                || to != null;
        if (!search) {
            return store.call(() -> new ItemsPage(
                    items.pageAnnotated(page, size, user.clearance(), minRelevance, threatType).stream()
                            .map(ItemView::of)
                            .toList(),
                    page,
                    size,
                    items.count(user.clearance(), minRelevance, threatType),
                    null,
                    null));
        }
        if (minRelevance != null) {
            throw ApiProblem.invalidParameter(
                    "minRelevance",
                    minRelevance.toString(),
                    "cannot be combined with a" + " search (q or a facet filter) yet");
        }
        if (threatType != null) {
            throw ApiProblem.invalidParameter(
                    "threatType", threatType, "cannot be combined with a search (q or a" + " facet filter) yet");
        }
        SearchLimits.check(q, page, size);
        SearchQuery query = new SearchQuery(
                q,
                technology,
                crimeArea,
                source,
                language,
                grade,
                RequestValues.dayParameter("from", from),
                RequestValues.dayParameter("to", to),
                user.clearance(),
                page,
                size);
        return store.call(() -> {
            SearchResult found;
            try {
                found = index.search(query);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidParameter(
                        "q", q == null ? "" : q.substring(0, Math.min(40, q.length())) + "...", e.getMessage());
            }
            List<ItemView> views =
                    items.findAnnotated(found.ids().stream().map(ItemId::new).toList(), user.clearance()).stream()
                            .map(ItemView::of)
                            .toList();
            List<String> expanded = q == null
                    ? List.of()
                    : index.named(q).stream().map(Technology::id).toList();
            return new ItemsPage(views, page, size, found.total(), found.facets(), expanded);
        });
    }
}
