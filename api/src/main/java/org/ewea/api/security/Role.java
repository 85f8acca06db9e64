package org.ewea.api.security;

/** What a user may do; see docs/security.md for the permission matrix. */
public enum Role {
    /** Reads everything they are cleared for; harvests the sources they are cleared for now. */
    ANALYST,
    /** Reads scores, recommendations and digests they are cleared for. */
    POLICY,
    /** Runs exercises; reads what they are cleared for. */
    TRAINER,
    /**
     * Adds, changes and removes sources, their grading, marking and handling code, never above their own clearance
     * (switching off the SSRF guard with {@code local} stays an ADMIN's decision).
     */
    SOURCE_MANAGER,
    /** Everything, including users, tokens and models. */
    ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
