package org.ewea.api.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A user of the service.
 *
 * @param username unique: a local account's is 2 to 64 of {@code a-z 0-9 . _ -}; a user from an identity provider is
 *     named {@code name@namespace} (the provider's namespace, see {@link #local()}), so no provider can name a local
 *     account
 * @param roles what they may do
 * @param maxTlp the most restrictive TLP they may read (TLP:AMBER: never TLP:AMBER+STRICT or TLP:RED material)
 * @param maxHandling the most restrictive handling code they may read ({@code none}: only material without one;
 *     {@code europol:H2}: also H1 and H2 material, and codes of other schemes up to the same restriction)
 * @param created when the user was created
 */
public record User(String username, Set<Role> roles, Tlp maxTlp, Handling maxHandling, Instant created)
        implements AuthenticatedPrincipal {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");

    public User {
        int at = username.indexOf('@');
        boolean valid = at < 0
                ? LOCAL.matcher(username).matches()
                : LOCAL.matcher(username.substring(0, at)).matches()
                        && NAMESPACE.matcher(username.substring(at + 1)).matches();
        if (!valid) {
            throw new IllegalArgumentException("username must be 2 to 64 of a-z, 0-9, '.', '_' and '-', starting"
                    + " with a letter or digit: '" + username + "'");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        roles = Set.copyOf(roles);
    }

    /** The username: how Spring Security names the authenticated user (and the audit trail records it). */
    @Override
    @JsonIgnore
    public String getName() {
        return username;
    }

    /** Whether a name is a local account's (not an identity provider's {@code name@namespace}). */
    public static boolean isLocalName(String username) {
        return LOCAL.matcher(username).matches();
    }

    /**
     * Whether this is a local account (signs in with a password or an EW/EA token), not a user of an identity
     * provider: only local accounts get API tokens and passwords from the service.
     */
    public boolean local() {
        return username.indexOf('@') < 0;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the user's roles grant the permission ({@link Permission}: the one policy). */
    public boolean may(Permission permission) {
        return permission.grantedTo(roles);
    }

    /** What the user may read: every read path filters by it. */
    public Clearance clearance() {
        return new Clearance(maxTlp, maxHandling);
    }

    /** Whether the user may read material with this marking and handling code. */
    public boolean cleared(Tlp tlp, Handling handling) {
        return clearance().permits(tlp, handling);
    }
}
