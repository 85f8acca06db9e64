package org.ewea.api.security;

import java.util.List;
import org.ewea.api.config.SecurityProperties;
import org.ewea.api.store.BlockingStore;
import org.ewea.methodology.grading.HandlingCodes;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;

/**
 * Web UI sign-in through an OpenID Connect provider: the ID token's claims (as named in {@code EWEA_SECURITY_JWT_*})
 * give the user's name, roles and TLP clearance; the user is stored (or updated) at each sign-in, so the UI, the audit
 * trail and subscriptions know them, and never replaces a local account of the same name.
 */
final class OidcUsers implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    static final String PROVIDER = "oidc";

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    private final SecurityProperties.Jwt claims;
    private final UserRepository users;
    private final BlockingStore store;

    private final HandlingCodes handlingCodes;

    private final String namespace;

    /** @param namespace the provider's namespace: its users are named {@code name@namespace} */
    OidcUsers(
            SecurityProperties.Jwt claims,
            HandlingCodes handlingCodes,
            UserRepository users,
            BlockingStore store,
            String namespace) {
        this.namespace = namespace;
        this.claims = claims;
        this.handlingCodes = handlingCodes;
        this.users = users;
        this.store = store;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return delegate.loadUser(request).flatMap(oidc -> {
            User user;
            try {
                user = JwtUsers.user(
                        oidc.getClaims(), oidc.getSubject(), oidc.getIssuedAt(), claims, handlingCodes, namespace);
            } catch (BadCredentialsException e) {
                return Mono.error(
                        new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null), e));
            }
            return store.call(() -> users.upsertExternal(user, PROVIDER)).flatMap(stored -> {
                if (!stored) {
                    return Mono.error(new OAuth2AuthenticationException(new OAuth2Error(
                            "access_denied", "a local user named " + user.username() + " exists", null)));
                }
                List<SimpleGrantedAuthority> authorities = user.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList();
                return Mono.<OidcUser>just(new Named(authorities, oidc, user.username()));
            });
        });
    }

    /** The provider's user under the EW/EA username (what the UI and the audit trail read). */
    private static final class Named extends DefaultOidcUser {

        private final String username;

        Named(List<SimpleGrantedAuthority> authorities, OidcUser oidc, String username) {
            super(authorities, oidc.getIdToken(), oidc.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Named named && named.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + username.hashCode();
        }
    }
}
