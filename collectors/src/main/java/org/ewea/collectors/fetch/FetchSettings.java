package org.ewea.collectors.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the fetcher behaves.
 *
 * @param connectTimeout to open a connection
 * @param readTimeout between two reads of the response
 * @param maxBodyBytes largest body accepted, after decompression (default 10 MB)
 * @param maxDecompressionRatio largest decompressed/compressed size ratio accepted (gzip bombs exceed it)
 * @param maxRedirects redirects followed at most
 * @param politenessDelay least time between two requests to the same host
 * @param maxAttempts attempts for timeouts, connection errors, 429 and 5xx answers (1 = no retry)
 * @param backoffBase first retry delay; doubled each attempt, plus up to the same again at random (jitter)
 * @param userAgent the User-Agent header
 * @param trustedProxies proxies ({@code host:port}) on loopback or private addresses that sources may use, such as a
 *     local Tor daemon ({@code 127.0.0.1:9050}); any other proxy must pass the SSRF guard like a target
 */
public record FetchSettings(
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodyBytes,
        int maxDecompressionRatio,
        int maxRedirects,
        Duration politenessDelay,
        int maxAttempts,
        Duration backoffBase,
        String userAgent,
        Set<String> trustedProxies) {

    public FetchSettings(
            Duration connectTimeout,
            Duration readTimeout,
            long maxBodyBytes,
            int maxDecompressionRatio,
            int maxRedirects,
            Duration politenessDelay,
            int maxAttempts,
            Duration backoffBase,
            String userAgent) {
        this(
                connectTimeout,
                readTimeout,
                maxBodyBytes,
                maxDecompressionRatio,
                maxRedirects,
                politenessDelay,
                maxAttempts,
                backoffBase,
                userAgent,
                Set.of());
    }

    public static FetchSettings defaults() {
        return new FetchSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                10L * 1024 * 1024,
                100,
                5,
                Duration.ofSeconds(2),
                3,
                Duration.ofSeconds(1),
                "EW/EA horizon scanner (+https://joinup.ec.europa.eu/collection/eupl)");
    }

    public FetchSettings {
        if (maxAttempts < 1 || maxRedirects < 0 || maxBodyBytes < 1 || maxDecompressionRatio < 1) {
            throw new IllegalArgumentException("fetch settings out of range");
        }
        trustedProxies = trustedProxies.stream()
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
