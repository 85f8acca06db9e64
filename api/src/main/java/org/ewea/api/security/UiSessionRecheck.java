package org.ewea.api.security;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A web UI session follows its user: at every request the user is read again, so roles taken away (an ADMIN
 * demoted) no longer open their pages, and a removed user's session ends (signed out, sent to the sign-in page).
 */
final class UiSessionRecheck implements WebFilter {

    private final Standing standing;
    private final ServerSecurityContextRepository contexts;

    UiSessionRecheck(Standing standing, ServerSecurityContextRepository contexts) {
        this.standing = standing;
        this.contexts = contexts;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // the chain runs once: after the re-check of a signed-in session, or at once for anyone else
        return ReactiveSecurityContextHolder.getContext()
                .filter(c ->
                        c.getAuthentication() != null && c.getAuthentication().isAuthenticated())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(context ->
                        context.isPresent() ? recheck(context.get(), exchange, chain) : chain.filter(exchange));
    }

    private Mono<Void> recheck(SecurityContext context, ServerWebExchange exchange, WebFilterChain chain) {
        return standing.recheck(context.getAuthentication()).flatMap(now -> {
            if (now.isEmpty()) {
                return exchange.getSession()
                        .flatMap(session -> session.invalidate())
                        .then(Mono.defer(() -> {
                            exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                            exchange.getResponse().getHeaders().setLocation(URI.create("/login?expired"));
                            return exchange.getResponse().setComplete();
                        }));
            }
            Authentication was = context.getAuthentication();
            Set<String> roles = now.get().roles().stream().map(Role::authority).collect(Collectors.toSet());
            Set<String> had = was.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_"))
                    .collect(Collectors.toSet());
            if (roles.equals(had)) {
                return chain.filter(exchange);
            }
            SecurityContext updated = new SecurityContextImpl(new Reissued(
                    was, roles.stream().map(SimpleGrantedAuthority::new).toList()));
            return contexts.save(exchange, updated)
                    .then(chain.filter(exchange)
                            .contextWrite(ReactiveSecurityContextHolder.withSecurityContext(Mono.just(updated))));
        });
    }

    /** The same sign-in with the roles the user has now. */
    private static final class Reissued extends AbstractAuthenticationToken {

        private final Authentication original;

        Reissued(Authentication original, List<SimpleGrantedAuthority> authorities) {
            super(authorities);
            this.original = original;
            setAuthenticated(true);
            setDetails(original.getDetails());
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return original.getPrincipal();
        }

        @Override
        public String getName() {
            return original.getName();
        }
    }
}
