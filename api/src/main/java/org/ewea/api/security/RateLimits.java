package org.ewea.api.security;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Token buckets (Bucket4j) that slow down guessing and abuse, per instance: failed token authentications per client
 * address ({@value #AUTH_FAILURES} a minute, then 429 for that address until the bucket refills) and tokens issued
 * per user ({@value #TOKENS_ISSUED} an hour). Buckets live in memory; with several instances behind a load
 * balancer the limits apply per instance. At most {@value #MAX_KEYS} keys are kept (the buckets are forgotten
 * when there are more, which only ever loosens the limits briefly).
 */
public final class RateLimits {

    public static final int AUTH_FAILURES = 10;
    public static final int TOKENS_ISSUED = 20;
    static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();
    private final Map<String, Bucket> issued = new ConcurrentHashMap<>();

    /** Whether the address has used up its failed authentications. */
    public boolean authBlocked(String address) {
        Bucket bucket = failures.get(address);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** Counts a failed authentication from the address. */
    public void authFailed(String address) {
        bucket(
                        failures,
                        address,
                        () -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(AUTH_FAILURES)
                                        .refillGreedy(AUTH_FAILURES, Duration.ofMinutes(1)))
                                .build())
                .tryConsume(1);
    }

    /** Takes one token issuance for the user; false when the user has issued too many lately. */
    public boolean tryIssue(String username) {
        return bucket(
                        issued,
                        username,
                        () -> Bucket.builder()
                                .addLimit(limit ->
                                        limit.capacity(TOKENS_ISSUED).refillGreedy(TOKENS_ISSUED, Duration.ofHours(1)))
                                .build())
                .tryConsume(1);
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, Supplier<Bucket> create) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> create.get());
    }
}
