package org.ewea.api.store;

import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Acknowledged means durable: before the answer to a request that may write (any method but GET, HEAD, OPTIONS and
 * TRACE) leaves the service, every write made so far is committed to the store ({@link MongoEndpoint#commitPending}),
 * on a store thread. A source created with 201, an alert moved with 200 or a harvest answered with its counts
 * survives the process being killed right after the answer. One commit per answer, not per write, so throughput holds.
 */
final class CommitBeforeAnswer implements WebFilter, Ordered {

    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final MongoEndpoint endpoint;
    private final BlockingStore store;

    CommitBeforeAnswer(MongoEndpoint endpoint, BlockingStore store) {
        this.endpoint = endpoint;
        this.store = store;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (endpoint.isEmbedded() && !SAFE.contains(exchange.getRequest().getMethod())) {
            exchange.getResponse()
                    .beforeCommit(() -> store.call(() -> {
                                endpoint.commitPending();
                                return Boolean.TRUE;
                            })
                            .then());
        }
        return chain.filter(exchange);
    }

    /** First of all filters, so that it sees every answer (also those of the security filters). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
