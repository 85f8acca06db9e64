package org.ewea.api.security;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.ewea.api.config.SecurityProperties;
import org.ewea.api.store.BlockingStore;
import org.ewea.methodology.definition.Methodology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The web UI's filter chain (before the API's): form login against the users' hashed passwords (delegating encoder,
 * bcrypt), a session, CSRF tokens on every form and htmx request, a strict Content-Security-Policy (scripts and
 * styles only from the service itself), and the same rate limit on failed logins as on failed tokens. There are no
 * default passwords: an admin sets them ({@code PUT /api/v1/users/{username}/password}) or users set their own.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Local accounts with a password. A name that is no such account gets a stand-in whose hash matches no password,
     * so that the password check runs for it too: answering as fast for unknown names would tell which exist.
     */
    @Bean
    ReactiveUserDetailsService uiUsers(UserRepository users, BlockingStore store, PasswordEncoder encoder) {
        byte[] noPassword = new byte[32];
        new SecureRandom().nextBytes(noPassword);
        String standIn = encoder.encode(Base64.getEncoder().encodeToString(noPassword));
        return username -> store.call(() -> users.find(username)
                .filter(User::local)
                .flatMap(user -> users.passwordHash(username)
                        .map(hash -> org.springframework.security.core.userdetails.User.withUsername(username)
                                .password(hash)
                                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                                .build()))
                .orElseGet(() -> org.springframework.security.core.userdetails.User.withUsername(
                                username == null || username.isEmpty() ? "-" : username)
                        .password(standIn)
                        .authorities(List.of())
                        .build()));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain uiSecurityWebFilterChain(
            ServerHttpSecurity http,
            ReactiveUserDetailsService uiUsers,
            PasswordEncoder encoder,
            RateLimits limits,
            SecurityProperties security,
            UserRepository users,
            BlockingStore store,
            Methodology methodology,
            Standing standing) {
        WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
        UserDetailsRepositoryReactiveAuthenticationManager manager =
                new UserDetailsRepositoryReactiveAuthenticationManager(uiUsers);
        manager.setPasswordEncoder(encoder);
        RedirectServerAuthenticationFailureHandler failed =
                new RedirectServerAuthenticationFailureHandler("/login?error");
        RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
        loggedOut.setLogoutSuccessUrl(URI.create("/login?logout"));
        if (security.oidc().enabled()) {
            SecurityProperties.Oidc oidc = security.oidc();
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                    .registrationId(OidcUsers.PROVIDER)
                    .clientId(oidc.clientId())
                    .clientSecret(oidc.clientSecret())
                    .scope(oidc.scopes())
                    .build();
            http.oauth2Login(login -> login.clientRegistrationRepository(
                            new InMemoryReactiveClientRegistrationRepository(registration))
                    .authenticationManager(new OidcAuthorizationCodeReactiveAuthenticationManager(
                            new WebClientReactiveAuthorizationCodeTokenResponseClient(),
                            new OidcUsers(
                                    security.jwt(),
                                    methodology.grading().handlingCodes(),
                                    users,
                                    store,
                                    security.oidcNamespace())))
                    .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/ui"))
                    .authenticationFailureHandler(failed));
        }
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(
                        "/",
                        "/ui",
                        "/ui/**",
                        "/login",
                        "/logout",
                        "/ui-assets/**",
                        "/favicon.ico",
                        "/webjars/htmx.org/**",
                        "/oauth2/**",
                        "/login/oauth2/**"))
                .authenticationManager(manager)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(form -> form.loginPage("/login").authenticationFailureHandler((exchange, failure) -> {
                    limits.authFailed(SecurityConfiguration.address(exchange.getExchange()));
                    return failed.onAuthenticationFailure(exchange, failure);
                }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut))
                .addFilterBefore(new UiSessionRecheck(standing, sessions), SecurityWebFiltersOrder.AUTHORIZATION)
                .securityContextRepository(sessions)
                .addFilterAt(
                        (exchange, chain) -> {
                            boolean login = exchange.getRequest().getMethod() == HttpMethod.POST
                                    && exchange.getRequest().getPath().value().equals("/login");
                            if (login && limits.authBlocked(SecurityConfiguration.address(exchange))) {
                                exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
                                exchange.getResponse().getHeaders().set("Retry-After", "60");
                                return exchange.getResponse().setComplete();
                            }
                            return chain.filter(exchange);
                        },
                        SecurityWebFiltersOrder.FIRST)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(referrer ->
                                referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(
                                "/login",
                                "/ui-assets/**",
                                "/favicon.ico",
                                "/webjars/htmx.org/**",
                                "/oauth2/**",
                                "/login/oauth2/**")
                        .permitAll()
                        .pathMatchers("/ui/admin", "/ui/admin/**")
                        .hasAnyRole(Permission.ADMINISTER.roleNames())
                        .anyExchange()
                        .authenticated())
                .build();
    }
}
