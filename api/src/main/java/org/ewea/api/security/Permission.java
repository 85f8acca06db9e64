package org.ewea.api.security;

import static org.ewea.api.security.Role.ADMIN;
import static org.ewea.api.security.Role.ANALYST;
import static org.ewea.api.security.Role.POLICY;
import static org.ewea.api.security.Role.SOURCE_MANAGER;
import static org.ewea.api.security.Role.TRAINER;

import java.util.Arrays;
import java.util.List;

/**
 * Who may do what: the one policy the API's URL rules ({@code SecurityConfiguration}), the web UI and exercises all
 * read, so that a role cannot be allowed a thing in one place and refused it in another. Reading is never a
 * permission: every signed-in user reads what their TLP and handling clearance allows. docs/security.md has the
 * matrix.
 */
public enum Permission {
    /** Move alerts through their lifecycle and set the status of early actions. */
    MOVE_ALERTS(ANALYST, POLICY, ADMIN),
    /** Give relevance verdicts on alerts and items, decide novel-name candidates, edit alert rules. */
    JUDGE(ANALYST, ADMIN),
    /** Harvest a source now. */
    HARVEST(ANALYST, SOURCE_MANAGER, ADMIN),
    /** Add, change and remove sources. */
    MANAGE_SOURCES(SOURCE_MANAGER, ADMIN),
    /** Create exercises, move their clocks and inject. */
    RUN_EXERCISES(TRAINER, ADMIN),
    /**
     * Users, the audit trail, training and approving models, everyone's subscriptions and tokens, switching off a
     * source's SSRF guard.
     */
    ADMINISTER(ADMIN);

    private final List<Role> roles;

    Permission(Role... roles) {
        this.roles = List.of(roles);
    }

    public List<Role> roles() {
        return roles;
    }

    /** The roles' names, for Spring Security's {@code hasAnyRole}. */
    public String[] roleNames() {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }

    /** Whether a user with these roles holds the permission. */
    public boolean grantedTo(Iterable<Role> held) {
        for (Role role : held) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The permissions a role holds. */
    public static List<Permission> of(Role role) {
        return Arrays.stream(values()).filter(p -> p.roles.contains(role)).toList();
    }
}
