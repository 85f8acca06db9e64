package org.ewea.api.ui;

import java.security.Principal;
import org.ewea.api.items.ItemDetails;
import org.ewea.api.store.BlockingStore;
import org.ewea.methodology.Tlp;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** An item's page: the text with its source, grade, marking, tags, story and chain of custody. */
@Controller
class UiItemsController {

    private final UiSession session;
    private final ItemDetails details;
    private final BlockingStore store;

    UiItemsController(UiSession session, ItemDetails details, BlockingStore store) {
        this.session = session;
        this.details = details;
        this.store = store;
    }

    @GetMapping("/ui/items/{id}")
    Mono<Rendering> item(Principal principal, @PathVariable("id") String id) {
        return session.user(principal)
                .flatMap(user -> store.call(() -> {
                    ItemDetails.Detail d = details.readBy(id, user.clearance())
                            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no item " + id));
                    return Rendering.view("item")
                            .modelAttribute("d", d)
                            .modelAttribute("tlpName", Tlp.parse(d.item().tlp()).name())
                            .build();
                }));
    }
}
