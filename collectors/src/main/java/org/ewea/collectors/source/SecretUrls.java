package org.ewea.collectors.source;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Credentials carried in a source's URL or proxy: the password of its user info ({@code https://user:pw@host/}) and
 * the values of query parameters named like keys, tokens or passwords ({@code ?apikey=...}). Such URLs are shown
 * masked ({@value #MASK} for each secret) and kept sealed in the store.
 */
public final class SecretUrls {

    /** What a secret is shown as. */
    public static final String MASK = "****";

    private static final Set<String> SECRET_WORDS = Set.of(
            "key",
            "apikey",
            "token",
            "secret",
            "password",
            "passwd",
            "pass",
            "pwd",
            "auth",
            "authorization",
            "sig",
            "signature",
            "credential",
            "credentials",
            "session",
            "sessionid",
            "sid",
            "jwt",
            "bearer");
    private static final Pattern WORD_SPLIT = Pattern.compile("[^a-z0-9]+");

    private SecretUrls() {}

    /** Whether the URL carries a credential. */
    public static boolean hasSecrets(@Nullable URI url) {
        return url != null && !masked(url).equals(url.toString());
    }

    /** The URL with every credential replaced by {@value #MASK}; the URL itself when it carries none. */
    public static String masked(URI url) {
        if (url.isOpaque()) {
            return url.toString();
        }
        String userInfo = url.getRawUserInfo();
        String maskedUser = userInfo == null ? null : maskUserInfo(userInfo);
        String query = url.getRawQuery();
        String maskedQuery = query == null ? null : maskQuery(query);
        if (Objects.equals(userInfo, maskedUser) && Objects.equals(query, maskedQuery)) {
            return url.toString();
        }
        StringBuilder out = new StringBuilder();
        if (url.getScheme() != null) {
            out.append(url.getScheme()).append(':');
        }
        if (url.getRawAuthority() != null) {
            out.append("//");
            if (maskedUser != null) {
                out.append(maskedUser).append('@');
            }
            out.append(url.getHost() == null ? "" : url.getHost());
            if (url.getPort() != -1) {
                out.append(':').append(url.getPort());
            }
        }
        out.append(url.getRawPath() == null ? "" : url.getRawPath());
        if (maskedQuery != null) {
            out.append('?').append(maskedQuery);
        }
        if (url.getRawFragment() != null) {
            out.append('#').append(url.getRawFragment());
        }
        return out.toString();
    }

    private static String maskUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon + 1) + MASK;
    }

    private static String maskQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            if (eq > 0 && secretName(pair.substring(0, eq))) {
                out.append(pair, 0, eq + 1).append(MASK);
            } else {
                out.append(pair);
            }
        }
        return out.toString();
    }

    private static boolean secretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.contains(lower.replaceAll("[^a-z0-9]", ""))) {
            return true;
        }
        for (String word : WORD_SPLIT.split(lower)) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
