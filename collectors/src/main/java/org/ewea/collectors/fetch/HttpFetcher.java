package org.ewea.collectors.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.apache.hc.client5.http.CircularRedirectException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultProxyRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Fetches URLs over HTTP(S) with Apache HttpClient 5, within the limits of {@link FetchSettings}. Thread-safe; one
 * instance serves every source (politeness is per host across sources). Close it to release connections.
 */
public final class HttpFetcher implements AutoCloseable {

    private final FetchSettings settings;
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final HostPoliteness politeness;
    private final BodyReader bodies;
    private final Map<String, CloseableHttpClient> clients = new ConcurrentHashMap<>();

    public HttpFetcher(FetchSettings settings, InstantSource clock, Sleeper sleeper, RandomGenerator random) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.politeness = new HostPoliteness(settings.politenessDelay(), clock, sleeper);
        this.bodies = new BodyReader(settings.maxBodyBytes(), settings.maxDecompressionRatio());
    }

    public FetchResult fetch(FetchRequest request) {
        String host = request.url().getHost();
        if (host == null) {
            return new FetchResult.Failed(FailureReason.CONNECTION, "no host in " + request.url(), null, 0);
        }
        if (request.proxy() != null && !request.allowLocal() && literalForbidden(host)) {
            return new FetchResult.Failed(
                    FailureReason.REFUSED,
                    host + " is a loopback, private or link-local"
                            + " address: refused (mark the source local to allow it)",
                    null,
                    0);
        }
        if (request.proxy() != null && !request.allowLocal() && forbiddenProxy(request.proxy())) {
            return new FetchResult.Failed(
                    FailureReason.REFUSED,
                    "the proxy " + request.proxy().getHost() + ":"
                            + request.proxy().getPort() + " is on a loopback, private or link-local address and is not"
                            + " one of the trusted proxies (EWEA_COLLECTORS_TRUSTED_PROXIES): refused",
                    null,
                    0);
        }
        CloseableHttpClient client = client(request);
        FetchResult result = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            try {
                politeness.await(host.toLowerCase(Locale.ROOT));
                result = once(client, request, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FetchResult.Failed(FailureReason.TIMEOUT, "interrupted", null, attempt);
            }
            if (!retryable(result) || attempt == settings.maxAttempts()) {
                return result;
            }
            try {
                long base = settings.backoffBase().toMillis() << (attempt - 1);
                sleeper.sleep(Duration.ofMillis(base + (base > 0 ? random.nextLong(base + 1) : 0)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
        return result;
    }

    private FetchResult once(CloseableHttpClient client, FetchRequest request, int attempt) {
        HttpGet get = new HttpGet(request.url());
        get.setHeader("Accept-Encoding", "gzip, deflate");
        get.setHeader(
                "Accept",
                "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;"
                        + "q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
        if (request.etag() != null) {
            get.setHeader("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            get.setHeader("If-Modified-Since", request.lastModified());
        }
        HttpClientContext context = HttpClientContext.create();
        try {
            return client.execute(get, context, response -> {
                int status = response.getCode();
                if (status == 304) {
                    return new FetchResult.NotModified(attempt);
                }
                if (status < 200 || status >= 300) {
                    return new FetchResult.Failed(
                            FailureReason.HTTP_STATUS,
                            "HTTP " + status + " " + response.getReasonPhrase(),
                            status,
                            attempt);
                }
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null
                        ? new byte[0]
                        : bodies.read(entity.getContent(), header(response.getFirstHeader("Content-Encoding")));
                List<URI> redirects = context.getRedirectLocations().getAll();
                URI finalUrl = redirects.isEmpty() ? request.url() : redirects.getLast();
                return new FetchResult.Fetched(
                        finalUrl,
                        status,
                        entity == null || entity.getContentType() == null ? "" : entity.getContentType(),
                        body,
                        header(response.getFirstHeader("ETag")),
                        header(response.getFirstHeader("Last-Modified")),
                        clock.instant(),
                        attempt);
            });
        } catch (BodyReader.DecompressionBombException e) {
            return new FetchResult.Failed(FailureReason.DECOMPRESSION_BOMB, e.getMessage(), null, attempt);
        } catch (BodyReader.TooLargeException e) {
            return new FetchResult.Failed(FailureReason.TOO_LARGE, e.getMessage(), null, attempt);
        } catch (ForbiddenAddressException e) {
            return new FetchResult.Failed(FailureReason.REFUSED, e.getMessage(), null, attempt);
        } catch (ClientProtocolException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RedirectException || cause instanceof CircularRedirectException) {
                return new FetchResult.Failed(FailureReason.TOO_MANY_REDIRECTS, cause.getMessage(), null, attempt);
            }
            return new FetchResult.Failed(FailureReason.CONNECTION, describe(e), null, attempt);
        } catch (InterruptedIOException e) {
            return new FetchResult.Failed(FailureReason.TIMEOUT, describe(e), null, attempt);
        } catch (UnknownHostException e) {
            return new FetchResult.Failed(FailureReason.CONNECTION, "unknown host: " + e.getMessage(), null, attempt);
        } catch (IOException e) {
            return new FetchResult.Failed(FailureReason.CONNECTION, describe(e), null, attempt);
        }
    }

    private static boolean retryable(FetchResult result) {
        if (!(result instanceof FetchResult.Failed failed)) {
            return false;
        }
        return switch (failed.reason()) {
            case TIMEOUT, CONNECTION -> true;
            case HTTP_STATUS -> failed.status() != null && (failed.status() == 429 || failed.status() >= 500);
            default -> false;
        };
    }

    private CloseableHttpClient client(FetchRequest request) {
        String key = request.allowLocal() + "|" + request.proxy();
        return clients.computeIfAbsent(key, k -> build(request.proxy(), request.allowLocal()));
    }

    private CloseableHttpClient build(@Nullable URI proxy, boolean allowLocal) {
        SocketConfig.Builder socket = SocketConfig.custom().setSoTimeout(Timeout.of(settings.readTimeout()));
        boolean socks =
                proxy != null && proxy.getScheme().toLowerCase(Locale.ROOT).startsWith("socks");
        if (socks) {
            socket.setSocksProxyAddress(new InetSocketAddress(proxy.getHost(), proxy.getPort()));
        }
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(socket.build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .setMaxConnTotal(50)
                .setMaxConnPerRoute(4);
        if (!allowLocal && proxy == null) {
            // With a proxy, targets are resolved by the proxy: only literal addresses can be checked (see fetch).
            connections.setDnsResolver(new GuardedDnsResolver());
        }
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections.build())
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(settings.userAgent())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(settings.maxRedirects() > 0)
                        .setMaxRedirects(settings.maxRedirects())
                        .setCircularRedirectsAllowed(false)
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build());
        if (proxy != null && !socks) {
            builder.setRoutePlanner(
                    new DefaultProxyRoutePlanner(new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort())));
        }
        return builder.build();
    }

    /** Whether a proxy is one the SSRF guard forbids (resolved, every address) and the operator did not trust. */
    private boolean forbiddenProxy(URI proxy) {
        String host = proxy.getHost();
        if (host == null) {
            return true;
        }
        String hostPort = host.toLowerCase(Locale.ROOT) + ":" + proxy.getPort();
        if (settings.trustedProxies().contains(hostPort)) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (AddressGuard.isForbidden(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false; // the connection fails on its own, with its own reason
        }
    }

    private static boolean literalForbidden(String host) {
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]+") || !literal.matches(".*[.:].*")) {
            return false;
        }
        try {
            return AddressGuard.isForbidden(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static @Nullable String header(@Nullable Header header) {
        return header == null ? null : header.getValue();
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    @Override
    public void close() throws IOException {
        for (CloseableHttpClient client : clients.values()) {
            client.close();
        }
        clients.clear();
    }
}
