package org.ewea.api.security;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.ewea.api.store.BlockingStore;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/**
 * Whether an authentication made earlier still stands, and for whom as they are now: long-lived sessions (alert
 * streams, UI sessions) ask it again at every event or request, so a revoked token, a removed user or a lowered
 * clearance takes effect at once, on every instance.
 */
public final class Standing {

    /** How a request was authenticated: with one of the service's API tokens. */
    record ByToken(String tokenId) {}

    /** How a request was authenticated: with an identity provider's JWT, valid until {@code expires}. */
    record ByJwt(Instant expires) {}

    private final ApiTokens tokens;
    private final UserRepository users;
    private final BlockingStore store;
    private final InstantSource clock;

    public Standing(ApiTokens tokens, UserRepository users, BlockingStore store, InstantSource clock) {
        this.tokens = tokens;
        this.users = users;
        this.store = store;
        this.clock = clock;
    }

    /**
     * The user as they are now, when the authentication still stands: the token not revoked and the user still
     * there (API tokens), the JWT not expired (identity-provider tokens, whose claims are the user), the user still
     * there (sessions of the web UI); empty otherwise.
     */
    public Mono<Optional<User>> recheck(Authentication authentication) {
        Object details = authentication.getDetails();
        if (details instanceof ByJwt(Instant expires)) {
            return Mono.just(
                    clock.instant().isBefore(expires) && authentication.getPrincipal() instanceof User u
                            ? Optional.of(u)
                            : Optional.empty());
        }
        String name = authentication.getName();
        return store.call(() -> {
            if (details instanceof ByToken(String tokenId)
                    && tokens.find(tokenId)
                            .filter(t -> t.revoked() == null && t.username().equals(name))
                            .isEmpty()) {
                return Optional.<User>empty();
            }
            return users.find(name);
        });
    }
}
