package org.ewea.api.items;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.PageResponse;
import org.ewea.collectors.store.ItemRepository;
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
    private final BlockingStore store;

    ItemsController(ItemRepository items, BlockingStore store) {
        this.items = items;
        this.store = store;
    }

    @GetMapping
    @Operation(summary = "List items, newest first",
            description = "Items ordered by publication time (capture time for items without one), newest first, ties"
                    + " by id; only the items whose TLP the caller is cleared for (total counts those only)."
                    + " Invalid paging parameters give 400 application/problem+json naming the parameter.")
    Mono<PageResponse<ItemView>> list(@AuthenticationPrincipal User user,
            @Parameter(description = "Page number, from 0")
            @RequestParam(name = "page", defaultValue = "0")
            @Min(value = 0, message = "must be between 0 and " + MAX_PAGE)
            @Max(value = MAX_PAGE, message = "must be between 0 and " + MAX_PAGE) int page,
            @Parameter(description = "Page size, 1 to " + MAX_SIZE)
            @RequestParam(name = "size", defaultValue = "20")
            @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
            @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE) int size,
            @Parameter(description = "Only items at least this threat-relevant (0 to 1; see relevance in each item)")
            @RequestParam(name = "minRelevance", required = false)
            @DecimalMin(value = "0", message = "must be between 0 and 1")
            @DecimalMax(value = "1", message = "must be between 0 and 1") @Nullable Double minRelevance) {
        return store.call(() -> new PageResponse<>(items.pageAnnotated(page, size, user.maxTlp(), minRelevance),
                        page, size, items.count(user.maxTlp(), minRelevance)))
                .map(result -> result.map(ItemView::of));
    }
}
