package org.ewea.collectors.normalise;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical form of an item URL, so that one article reached by different links is one item: http(s) only, scheme
 * and host lower-cased (IDN to ASCII), default port and fragment removed, empty path as {@code /}, and tracking
 * parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, ...) removed. Other parameters keep their order.
 */
public final class UrlCanonicaliser {

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "mc_cid",
            "mc_eid",
            "igshid",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "ref_src",
            "ref_url",
            "spm",
            "__twitter_impression",
            "oly_anon_id",
            "oly_enc_id",
            "vero_id",
            "rb_clickid",
            "s_cid");

    private UrlCanonicaliser() {}

    /** The canonical URL, or empty when the text is not an absolute http(s) URL. */
    public static Optional<String> canonicalise(String raw) {
        URI uri;
        try {
            uri = asciiHost(new URI(raw.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty();
        }
        String host;
        try {
            host = IDN.toASCII(uri.getHost(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder url = new StringBuilder(scheme).append("://").append(host);
        if (!defaultPort) {
            url.append(':').append(port);
        }
        url.append(path);
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return Optional.of(url.toString());
    }

    /**
     * java.net.URI does not take a non-ASCII host as a host (getHost() is null); such a URI is rebuilt with the host
     * in its ASCII (punycode) form. User information is dropped: credentials never belong in a canonical URL.
     */
    private static URI asciiHost(URI uri) throws URISyntaxException {
        if (uri.getHost() != null || uri.getRawAuthority() == null) {
            return uri;
        }
        String authority = uri.getRawAuthority();
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = authority.lastIndexOf(':');
        String host = colon >= 0 ? authority.substring(0, colon) : authority;
        String port = colon >= 0 ? authority.substring(colon) : "";
        String rest = raw(uri.getRawPath()) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new URI(uri.getScheme() + "://" + IDN.toASCII(host, IDN.ALLOW_UNASSIGNED) + port + rest);
    }

    private static String raw(String value) {
        return value == null ? "" : value;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(parameter);
            }
        }
        return String.join("&", kept);
    }
}
