package org.ewea.api.audit;

import java.util.Locale;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records every authenticated {@code /api/v1} and TAXII ({@code /taxii2/}) request in the {@link AuditLog} once it is answered (or has failed):
 * who, when, READ / SEARCH (a {@code q} parameter) / EXPORT ({@code /exports}) / CHANGE (any other method than GET
 * and HEAD), the path and query, the status. Sits in the security filter chain after authorisation, so requests it
 * refuses (401, 403) are not recorded. A failure to record is logged as an error and does not change the answer.
 */
public final class AuditWebFilter implements WebFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWebFilter.class);

    private final AuditLog audit;
    private final BlockingStore store;
    private final AuditAnchor anchor;

    /** @param anchor moved to every entry appended, so that a cut-off tail is told from an intact chain */
    public AuditWebFilter(AuditLog audit, BlockingStore store, AuditAnchor anchor) {
        this.audit = audit;
        this.store = store;
        this.anchor = anchor;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requested = exchange.getRequest().getPath().value();
        if (!requested.startsWith("/api/v1/") && !requested.startsWith("/taxii2/")) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .then(Mono.defer(() -> record(exchange, null)))
                .onErrorResume(error -> record(exchange, error).then(Mono.error(error)));
    }

    private Mono<Void> record(ServerWebExchange exchange, @Nullable Throwable error) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() != null
                                && context.getAuthentication().isAuthenticated()
                        ? context.getAuthentication().getName()
                        : null)
                .flatMap(user -> {
                    var request = exchange.getRequest();
                    String path = request.getPath().value();
                    String query = request.getURI().getRawQuery();
                    int status = status(exchange, error);
                    return store.call(() -> {
                        AuditEntry entry = audit.append(
                                user,
                                action(request.getMethod(), path, query),
                                request.getMethod().name(),
                                path,
                                query,
                                status);
                        anchor.advance(new AuditAnchor.Mark(entry.seq(), entry.hash()));
                        return entry;
                    });
                })
                .onErrorResume(failure -> {
                    LOG.error(
                            "Could not record {} {} in the audit trail",
                            exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(),
                            failure);
                    return Mono.empty();
                })
                .then();
    }

    static String action(HttpMethod method, String path, @Nullable String query) {
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            return "CHANGE";
        }
        if (path.startsWith("/api/v1/exports") || path.startsWith("/taxii2/")) {
            return "EXPORT";
        }
        if (query != null && ("&" + query.toLowerCase(Locale.ROOT)).contains("&q=")) {
            return "SEARCH";
        }
        return "READ";
    }

    private static int status(ServerWebExchange exchange, @Nullable Throwable error) {
        if (error == null) {
            HttpStatusCode code = exchange.getResponse().getStatusCode();
            return code == null ? 200 : code.value();
        }
        return switch (error) {
            case ApiProblem problem -> problem.type().status().value();
            case ErrorResponse response -> response.getStatusCode().value();
            default -> 500;
        };
    }
}
