package org.ewea.api.security;

import com.mongodb.client.MongoDatabase;
import java.time.InstantSource;
import org.ewea.api.audit.AuditAnchor;
import org.ewea.api.audit.AuditLog;
import org.ewea.api.audit.AuditWebFilter;
import org.ewea.api.config.EweaProperties;
import org.ewea.api.config.SecurityProperties;
import org.ewea.api.store.BlockingStore;
import org.ewea.api.store.PrivateFiles;
import org.ewea.api.web.ApiProblem;
import org.ewea.api.web.ProblemType;
import org.ewea.api.web.ProblemWebExceptionHandler;
import org.ewea.collectors.source.SecretSeal;
import org.ewea.methodology.definition.Methodology;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;

/**
 * The filter chain: stateless bearer-token authentication on every request; health, the OpenAPI document and
 * Swagger UI open; everything else needs a user, and some routes a role (docs/security.md has the matrix). 401 and
 * 403 answer with problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN = Role.ADMIN.name();
    static final String ANALYST = Role.ANALYST.name();
    static final String TRAINER = Role.TRAINER.name();
    static final String POLICY = Role.POLICY.name();
    static final String SOURCE_MANAGER = Role.SOURCE_MANAGER.name();

    @Bean
    UserRepository userRepository(MongoDatabase database) {
        return new UserRepository(database);
    }

    @Bean
    ApiTokens apiTokens(MongoDatabase database, InstantSource clock) {
        ApiTokens tokens = new ApiTokens(database, clock);
        tokens.ensureIndexes();
        return tokens;
    }

    @Bean
    Standing standing(ApiTokens tokens, UserRepository users, BlockingStore store, InstantSource clock) {
        return new Standing(tokens, users, store, clock);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner adminBootstrap(
            UserRepository users,
            ApiTokens tokens,
            InstantSource clock,
            EweaProperties ewea,
            SecurityProperties security) {
        return args -> new AdminBootstrap(users, tokens, clock).run(security.adminTokenFile(ewea));
    }

    @Bean
    RateLimits rateLimits() {
        return new RateLimits();
    }

    @Bean
    AuditAnchor auditAnchor(EweaProperties ewea, SecurityProperties security) {
        return new AuditAnchor(
                ewea.dataDir().resolve("audit-anchor"),
                SecretKeys.derive(
                        PrivateFiles.key(security.secretsKeyFile(ewea), SecretSeal.KEY_BYTES), "audit-anchor"));
    }

    @Bean
    AuditLog auditLog(MongoDatabase database, InstantSource clock, EweaProperties ewea, SecurityProperties security) {
        return new AuditLog(
                database,
                clock,
                SecretKeys.derive(
                        PrivateFiles.key(security.secretsKeyFile(ewea), SecretSeal.KEY_BYTES), "audit-chain"));
    }

    /** The client's address (behind a proxy, set server.forward-headers-strategy to read X-Forwarded-For). */
    static String address(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            ApiTokens tokens,
            UserRepository users,
            BlockingStore store,
            ProblemWebExceptionHandler problems,
            AuditLog audit,
            RateLimits limits,
            SecurityProperties security,
            Methodology methodology,
            AuditAnchor anchor) {
        BearerTokenAuthentication bearer = new BearerTokenAuthentication(
                tokens,
                users,
                store,
                JwtUsers.of(security.jwt(), methodology.grading().handlingCodes()));
        AuthenticationWebFilter authentication = new AuthenticationWebFilter(bearer);
        authentication.setServerAuthenticationConverter(bearer);
        authentication.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        authentication.setAuthenticationFailureHandler((exchange, failure) -> {
            limits.authFailed(address(exchange.getExchange()));
            exchange.getExchange()
                    .getResponse()
                    .getHeaders()
                    .set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return problems.handle(
                    exchange.getExchange(), new ApiProblem(ProblemType.UNAUTHENTICATED, failure.getMessage()));
        });
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(
                        (exchange, chain) -> {
                            if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                                    && limits.authBlocked(address(exchange))) {
                                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
                                return problems.handle(
                                        exchange,
                                        new ApiProblem(
                                                ProblemType.TOO_MANY_REQUESTS,
                                                "Too many failed authentications from this address; try again in a minute."));
                            }
                            return chain.filter(exchange);
                        },
                        SecurityWebFiltersOrder.FIRST)
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new AuditWebFilter(audit, store, anchor), SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/swagger-ui.html",
                                "/swagger-ui/**",
                                "/webjars/**")
                        .permitAll()
                        .pathMatchers("/api/v1/users", "/api/v1/users/**")
                        .hasAnyRole(Permission.ADMINISTER.roleNames())
                        .pathMatchers("/api/v1/audit", "/api/v1/audit/**")
                        .hasAnyRole(Permission.ADMINISTER.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/models", "/api/v1/models/**")
                        .hasAnyRole(Permission.ADMINISTER.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/relevance-models", "/api/v1/relevance-models/**")
                        .hasAnyRole(Permission.ADMINISTER.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/items/*/feedback")
                        .hasAnyRole(Permission.JUDGE.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/candidates/**")
                        .hasAnyRole(Permission.JUDGE.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/alerts/*/transitions")
                        .hasAnyRole(Permission.MOVE_ALERTS.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/alerts/**")
                        .hasAnyRole(Permission.JUDGE.roleNames())
                        .pathMatchers(HttpMethod.PUT, "/api/v1/alert-rules/**")
                        .hasAnyRole(Permission.JUDGE.roleNames())
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/alert-rules/**")
                        .hasAnyRole(Permission.JUDGE.roleNames())
                        .pathMatchers(HttpMethod.PATCH, "/api/v1/recommendations/**")
                        .hasAnyRole(Permission.MOVE_ALERTS.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/sources/*/harvest")
                        .hasAnyRole(Permission.HARVEST.roleNames())
                        .pathMatchers(HttpMethod.POST, "/api/v1/sources", "/api/v1/sources/**")
                        .hasAnyRole(Permission.MANAGE_SOURCES.roleNames())
                        .pathMatchers(HttpMethod.PUT, "/api/v1/sources/**")
                        .hasAnyRole(Permission.MANAGE_SOURCES.roleNames())
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/sources/**")
                        .hasAnyRole(Permission.MANAGE_SOURCES.roleNames())
                        .pathMatchers(
                                HttpMethod.POST,
                                "/api/v1/exercises",
                                "/api/v1/exercises/*/clock",
                                "/api/v1/exercises/*/injects")
                        .hasAnyRole(Permission.RUN_EXERCISES.roleNames())
                        .anyExchange()
                        .authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint((exchange, denied) -> {
                            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            return problems.handle(
                                    exchange,
                                    new ApiProblem(
                                            ProblemType.UNAUTHENTICATED,
                                            "Authentication required: send 'Authorization: Bearer <token>' (the first"
                                                    + " admin token is in the data directory, see README)."));
                        })
                        .accessDeniedHandler((exchange, denied) -> problems.handle(
                                exchange, new ApiProblem(ProblemType.FORBIDDEN, "Your roles do not allow this."))))
                .build();
    }
}
