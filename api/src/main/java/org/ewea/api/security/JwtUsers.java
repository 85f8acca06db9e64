package org.ewea.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ewea.api.config.SecurityProperties;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.grading.HandlingCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import reactor.core.publisher.Mono;

/**
 * Users from an identity provider's JSON Web Tokens (an OIDC provider such as Keycloak or Entra ID, by configuration):
 * the signature (keys from the issuer's discovery document, a JWK set URL, or a public key file), expiry, issuer and
 * audience are checked by Spring Security's Nimbus decoder; the username, roles and TLP clearance come from claims.
 * Such users are not stored: each token carries who they are.
 */
final class JwtUsers {

    private final ReactiveJwtDecoder decoder;
    private final SecurityProperties.Jwt settings;
    private final HandlingCodes handlingCodes;

    private JwtUsers(ReactiveJwtDecoder decoder, SecurityProperties.Jwt settings, HandlingCodes handlingCodes) {
        this.decoder = decoder;
        this.settings = settings;
        this.handlingCodes = handlingCodes;
    }

    /** The JWT users of the configuration, or null when JWTs are not configured. */
    static @Nullable JwtUsers of(SecurityProperties.Jwt settings, HandlingCodes handlingCodes) {
        if (!settings.enabled()) {
            return null;
        }
        NimbusReactiveJwtDecoder decoder;
        if (settings.publicKey() != null) {
            decoder =
                    NimbusReactiveJwtDecoder.withPublicKey(publicKey(settings)).build();
        } else if (settings.jwkSetUri() != null) {
            decoder =
                    NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        } else {
            return new JwtUsers(ReactiveJwtDecoders.fromIssuerLocation(settings.issuerUri()), settings, handlingCodes);
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(
                settings.issuerUri() != null
                        ? JwtValidators.createDefaultWithIssuer(settings.issuerUri())
                        : JwtValidators.createDefault());
        if (settings.audience() != null) {
            validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "the token is not for " + settings.audience(), null)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return new JwtUsers(decoder, settings, handlingCodes);
    }

    private static RSAPublicKey publicKey(SecurityProperties.Jwt settings) {
        try {
            String pem = Files.readString(settings.publicKey())
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key " + settings.publicKey(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the JWT public key " + settings.publicKey() + " is not an RSA public key"
                            + " in PEM (X.509 SubjectPublicKeyInfo)",
                    e);
        }
    }

    /** Whether a bearer token looks like a JWT (three base64url parts). */
    static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /** The user a valid token names, and when the token expires. */
    record Authenticated(User user, Instant expires) {}

    /** The user the token names; fails when it is not valid or names no EW/EA role. */
    Mono<User> user(String token) {
        return authenticated(token).map(Authenticated::user);
    }

    /** As {@link #user(String)}, with the token's expiry (a token without one stands for an hour at most). */
    Mono<Authenticated> authenticated(String token) {
        return decoder.decode(token)
                .onErrorMap(
                        JwtException.class,
                        e -> new BadCredentialsException("The token is not valid: " + e.getMessage()))
                .map(jwt -> new Authenticated(
                        user(jwt),
                        jwt.getExpiresAt() != null
                                ? jwt.getExpiresAt()
                                : Instant.now().plusSeconds(3600)));
    }

    private User user(Jwt jwt) {
        return user(
                jwt.getClaims(), jwt.getSubject(), jwt.getIssuedAt(), settings, handlingCodes, settings.namespace());
    }

    /**
     * The user that token claims name (an access token's or an OIDC ID token's), in the provider's namespace
     * ({@code name@namespace}).
     *
     * @throws BadCredentialsException when they name no EW/EA role, no usable name, no TLP or an unknown handling code
     */
    static User user(
            Map<String, Object> claims,
            @Nullable String subject,
            @Nullable Instant issuedAt,
            SecurityProperties.Jwt settings,
            HandlingCodes handlingCodes,
            String namespace) {
        Object named = claims.get(settings.usernameClaim());
        String username = named != null ? String.valueOf(named) : subject;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : claimValues(claims, settings.rolesClaim())) {
            String name = String.valueOf(value).toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", "");
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            throw new BadCredentialsException(
                    "The token names no EW/EA role in its '" + settings.rolesClaim() + "' claim.");
        }
        Object tlpClaim = claims.get(settings.tlpClaim());
        String tlp = tlpClaim == null ? null : String.valueOf(tlpClaim);
        Tlp clearance;
        try {
            clearance = Tlp.parse(tlp != null ? tlp : settings.defaultTlp());
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("The token's '" + settings.tlpClaim() + "' claim is not a TLP: " + tlp);
        }
        Object handlingClaim = claims.get(settings.handlingClaim());
        String code = handlingClaim == null ? settings.defaultHandling() : String.valueOf(handlingClaim);
        Handling handling;
        try {
            handling = handlingCodes.parse(code);
        } catch (IllegalArgumentException e) {
            throw new BadCredentialsException("The token's '" + settings.handlingClaim() + "' claim is not a handling"
                    + " code: " + e.getMessage());
        }
        // Names are taken exactly as the provider gives them (no case folding) and live in the provider's namespace:
        // "ana@login.example.org" is never the local account "ana".
        // Case is folded (providers such as Keycloak and Entra ID treat user names so); nothing else is rewritten,
        // so two distinct names never become one.
        String folded = username == null ? null : username.toLowerCase(Locale.ROOT);
        String name = folded != null && User.isLocalName(folded)
                ? folded
                : subject != null && User.isLocalName(subject) ? subject : null;
        if (name == null) {
            throw new BadCredentialsException("The token's user name ('" + settings.usernameClaim() + "', else 'sub')"
                    + " is missing or not 2 to 64 of a-z, 0-9, '.', '_' and '-'.");
        }
        Instant issued = issuedAt != null ? issuedAt : Instant.EPOCH;
        return new User(name + "@" + namespace, roles, clearance, handling, issued);
    }

    private static Collection<?> claimValues(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return List.of();
            }
            current = map.get(part);
        }
        if (current instanceof Collection<?> values) {
            return values;
        }
        return current == null ? List.of() : List.of(current);
    }
}
