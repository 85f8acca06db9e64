package org.ewea.api.items;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ewea.api.security.User;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** One item with its source, story and raw capture. */
@RestController
@Tag(name = "Items")
class ItemController {

    private final ItemDetails details;
    private final BlockingStore store;

    ItemController(ItemDetails details, BlockingStore store) {
        this.details = details;
        this.store = store;
    }

    @GetMapping(path = "/api/v1/items/{id}", produces = "application/json")
    @Operation(
            summary = "One item, with its source, story and raw capture",
            description = "The item (title, text, source, Admiralty grade, TLP and handling code, language, tags and"
                    + " entities, relevance with the model that scored it), its source as the catalogue has it, its"
                    + " story (the near-duplicates the caller may read, oldest first, this one included) and its raw"
                    + " capture (SHA-256, origin, capture time, whether the bytes are still kept and the path of"
                    + " GET /api/v1/captures/{sha256}/raw) for the chain of custody. 404 when there is no such item"
                    + " or the caller is not cleared for it, alike.")
    Mono<ItemDetails.Detail> item(@AuthenticationPrincipal User user, @PathVariable("id") String id) {
        return store.call(() -> details.readBy(id, user.clearance())
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "There is no item '" + id + "'.")));
    }
}
