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
 * @param username unique, 2 to 64 of {@code a-z 0-9 . _ -}
 * @param roles what they may do
 * @param maxTlp the most restrictive TLP they may read (TLP:AMBER: never TLP:AMBER+STRICT or TLP:RED material)
 * @param maxHandling the most restrictive handling code they may read ({@code none}: only material without one;
 *     {@code europol:H2}: also H1 and H2 material, and codes of other schemes up to the same restriction)
 * @param created when the user was created
 */
public record User(String username, Set<Role> roles, Tlp maxTlp, Handling maxHandling, Instant created) implements AuthenticatedPrincipal {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public User {
        if (!USERNAME.matcher(username).matches()) {
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

    public boolean has(Role role) {
        return roles.contains(role);
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
