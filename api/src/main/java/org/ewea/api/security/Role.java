package org.ewea.api.security;

/** What a user may do; see docs/security.md for the permission matrix. */
public enum Role {
    /** Reads everything they are cleared for; manages sources and harvests. */
    ANALYST,
    /** Reads scores, recommendations and digests they are cleared for. */
    POLICY,
    /** Runs exercises; reads what they are cleared for. */
    TRAINER,
    /** Everything, including users, tokens and models. */
    ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
