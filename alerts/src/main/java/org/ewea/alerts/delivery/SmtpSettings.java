package org.ewea.alerts.delivery;

import org.jspecify.annotations.Nullable;

/**
 * Where e-mail goes out.
 *
 * @param host SMTP host
 * @param port SMTP port
 * @param from the sender address
 * @param username login, if the server wants one
 * @param password its password
 * @param startTls whether to require STARTTLS
 */
public record SmtpSettings(
        String host,
        int port,
        String from,
        @Nullable String username,
        @Nullable String password,
        boolean startTls) {}
