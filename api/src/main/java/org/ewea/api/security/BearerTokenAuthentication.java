package org.ewea.api.security;

import org.ewea.api.store.BlockingStore;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code Authorization: Bearer <token>}: the converter takes the token from the request (no header, no
 * authentication attempt: the request stays anonymous), the manager checks it against the stored hashes on the
 * store pool and authenticates its user, whose record is the principal.
 */
final class BearerTokenAuthentication implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final UserRepository users;
    private final BlockingStore store;
    private final @Nullable JwtUsers jwt;

    BearerTokenAuthentication(ApiTokens tokens, UserRepository users, BlockingStore store, @Nullable JwtUsers jwt) {
        this.jwt = jwt;
        this.tokens = tokens;
        this.users = users;
        this.store = store;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Mono.empty();
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Mono.error(new BadCredentialsException("Only 'Authorization: Bearer <token>' is accepted."));
        }
        return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated(
                null, header.substring(PREFIX.length()).strip()));
    }

    private static Authentication authenticated(User user, Object standing) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                user,
                null,
                user.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList());
        token.setDetails(standing);
        return token;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String presented = String.valueOf(authentication.getCredentials());
        if (jwt != null && JwtUsers.looksLikeJwt(presented)) {
            return jwt.authenticated(presented)
                    .map(user -> authenticated(user.user(), new Standing.ByJwt(user.expires())));
        }
        return store.call(() -> tokens.verify(presented)
                        .flatMap(t ->
                                users.find(t.username()).map(user -> authenticated(user, new Standing.ByToken(t.id()))))
                        .orElse(null))
                .switchIfEmpty(Mono.error(new BadCredentialsException("The token is not valid, or was revoked.")));
    }
}
