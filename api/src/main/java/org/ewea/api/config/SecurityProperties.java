package org.ewea.api.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings, bound from {@code EWEA_SECURITY_*} (or {@code ewea.security.*}).
 *
 * @param adminTokenFile where the first start writes the admin's one-time API token, readable by the service's
 *     account only ({@code EWEA_SECURITY_ADMIN_TOKEN_FILE}; default {@code admin-token} in the data directory)
 * @param secretsKeyFile the key that seals credentials kept in the store and signs the audit chain, created at first
 *     start (mode 600; {@code EWEA_SECURITY_SECRETS_KEY_FILE}; default {@code secrets.key} in the data directory);
 *     instances sharing one MongoDB must share this file, and it belongs in backups kept apart from the store's
 * @param jwt JSON Web Tokens from an identity provider, accepted as bearer tokens beside EW/EA's own
 *     ({@code EWEA_SECURITY_JWT_*}); off unless an issuer, a JWK set or a public key is given
 * @param oidc sign-in to the web UI through an OpenID Connect provider ({@code EWEA_SECURITY_OIDC_*}); off unless an
 *     issuer and a client id are given; roles and clearance come from the ID token's claims as named under {@code jwt}
 */
@ConfigurationProperties("ewea.security")
public record SecurityProperties(
        @Nullable Path adminTokenFile,
        @Nullable Path secretsKeyFile,
        @DefaultValue Jwt jwt,
        @DefaultValue Oidc oidc) {

    /**
     * The OpenID Connect client of the web UI (authorization-code flow).
     *
     * @param issuerUri the provider ({@code EWEA_SECURITY_OIDC_ISSUER_URI}); its discovery document is read at start
     * @param clientId the client id registered there ({@code EWEA_SECURITY_OIDC_CLIENT_ID})
     * @param clientSecret its secret ({@code EWEA_SECURITY_OIDC_CLIENT_SECRET})
     * @param scopes scopes asked for (default openid, profile, email)
     */
    public record Oidc(
            @Nullable String issuerUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes) {

        public boolean enabled() {
            return issuerUri != null && clientId != null;
        }
    }

    /**
     * How JWTs are checked and mapped to users.
     *
     * @param issuerUri the OIDC issuer: its discovery document gives the keys, and {@code iss} must match
     *     ({@code EWEA_SECURITY_JWT_ISSUER_URI})
     * @param jwkSetUri the keys' URL, without discovery ({@code EWEA_SECURITY_JWT_JWK_SET_URI})
     * @param publicKey a PEM file with the RSA public key (offline installations; {@code EWEA_SECURITY_JWT_PUBLIC_KEY})
     * @param audience when set, {@code aud} must contain it ({@code EWEA_SECURITY_JWT_AUDIENCE})
     * @param usernameClaim the claim naming the user (default {@code preferred_username}, else {@code sub})
     * @param rolesClaim the claim (a dotted path, e.g. {@code realm_access.roles}) listing EW/EA roles (default
     *     {@code roles}); unknown values are ignored, a token without any known role is refused
     * @param tlpClaim the claim with the user's TLP clearance (default {@code ewea_max_tlp})
     * @param defaultTlp the clearance when the token has none (default GREEN)
     * @param handlingClaim the claim with the user's handling clearance, a handling code such as {@code europol:H2}
     *     (default {@code ewea_max_handling})
     * @param defaultHandling the handling clearance when the token has none (default {@code none}: material
     *     without a handling code only)
     * @param namespace what the provider's user names end in after {@code @} ({@code EWEA_SECURITY_JWT_NAMESPACE};
     *     default the issuer's host): a provider's users are never local accounts, whatever they are called
     */
    public record Jwt(
            @Nullable String issuerUri,
            @Nullable String jwkSetUri,
            @Nullable Path publicKey,
            @Nullable String audience,
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("ewea_max_tlp") String tlpClaim,
            @DefaultValue("GREEN") String defaultTlp,
            @DefaultValue("ewea_max_handling") String handlingClaim,
            @DefaultValue("none") String defaultHandling,
            @Nullable String namespace) {

        public boolean enabled() {
            return issuerUri != null || jwkSetUri != null || publicKey != null;
        }

        /**
         * The namespace of the provider's users: {@code EWEA_SECURITY_JWT_NAMESPACE}, else the issuer's host, else
         * the JWK set's host, else {@code idp}. Its users are named {@code name@namespace}.
         */
        @Override
        public String namespace() {
            String chosen = namespace;
            if (chosen == null || chosen.isBlank()) {
                chosen = host(issuerUri);
            }
            if (chosen == null) {
                chosen = host(jwkSetUri);
            }
            String safe =
                    chosen == null ? "idp" : chosen.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
            return safe.isEmpty() || safe.length() > 63 || !Character.isLetterOrDigit(safe.charAt(0)) ? "idp" : safe;
        }

        private static @Nullable String host(@Nullable String uri) {
            try {
                return uri == null ? null : URI.create(uri).getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * The namespace of users signing in through OpenID Connect: {@code EWEA_SECURITY_JWT_NAMESPACE}, else the OIDC
     * issuer's host (the same as its JWTs' when both point at one provider), else {@code idp}.
     */
    public String oidcNamespace() {
        if (jwt.namespace != null && !jwt.namespace.isBlank()) {
            return jwt.namespace();
        }
        return new Jwt(
                        oidc.issuerUri(),
                        null,
                        null,
                        null,
                        jwt.usernameClaim(),
                        jwt.rolesClaim(),
                        jwt.tlpClaim(),
                        jwt.defaultTlp(),
                        jwt.handlingClaim(),
                        jwt.defaultHandling(),
                        null)
                .namespace();
    }

    public Path secretsKeyFile(EweaProperties ewea) {
        return secretsKeyFile != null ? secretsKeyFile : ewea.dataDir().resolve("secrets.key");
    }

    public Path adminTokenFile(EweaProperties ewea) {
        return adminTokenFile != null ? adminTokenFile : ewea.dataDir().resolve("admin-token");
    }
}
