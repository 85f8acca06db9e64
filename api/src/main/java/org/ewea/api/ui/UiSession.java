package org.ewea.api.ui;

import java.security.Principal;
import org.ewea.api.security.User;
import org.ewea.api.security.UserRepository;
import org.ewea.api.store.BlockingStore;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What every UI page needs: the CSRF token (forms carry it as a hidden field, htmx requests as a header) and the
 * signed-in user (roles and TLP clearance), loaded from the store.
 */
@ControllerAdvice(basePackages = "org.ewea.api.ui")
class UiSession {

    private final UserRepository users;
    private final BlockingStore store;

    UiSession(UserRepository users, BlockingStore store) {
        this.users = users;
        this.store = store;
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token != null ? token : Mono.empty();
    }

    @ModelAttribute("me")
    Mono<User> me(ServerWebExchange exchange) {
        return exchange.getPrincipal().flatMap(this::user);
    }

    /** The signed-in user. */
    Mono<User> user(Principal principal) {
        return store.call(() -> users.find(principal.getName())
                .orElseThrow(() -> new IllegalStateException(
                        "signed in as " + principal.getName() + ", who is no longer a user")));
    }
}
