package org.ewea.api.security;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Set;
import org.ewea.api.store.PrivateFiles;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No default passwords: on the first start against an empty user store, creates the {@code admin} user (all roles'
 * powers, cleared for TLP:RED) and writes one API token for it to a file only the service's account can read (mode
 * 600), and says where in the log. Of several instances starting at once on one store, only the one that creates
 * the user issues a token. Later starts do nothing; lose the file and an admin must issue a new token (see
 * docs/security.md).
 */
public final class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    public static final String ADMIN = "admin";

    private final UserRepository users;
    private final ApiTokens tokens;
    private final InstantSource clock;

    public AdminBootstrap(UserRepository users, ApiTokens tokens, InstantSource clock) {
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @return whether this call created the admin */
    public boolean run(Path tokenFile) {
        if (!users.isEmpty()
                || !users.insert(new User(ADMIN, Set.of(Role.ADMIN), Tlp.RED, Handling.ALL, clock.instant()))) {
            return false;
        }
        ApiTokens.Issued issued = tokens.issue(ADMIN, "first-start admin token");
        write(tokenFile, issued.secret());
        LOG.warn(
                "Created the first user '{}'. Its API token is in {} (readable by this account only): send it as"
                        + " 'Authorization: Bearer <token>', issue named tokens and users with it, then delete the file.",
                ADMIN,
                tokenFile.toAbsolutePath());
        return true;
    }

    static void write(Path file, String secret) {
        PrivateFiles.write(file, secret + "\n");
    }
}
