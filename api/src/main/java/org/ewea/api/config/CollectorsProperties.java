package org.ewea.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.ewea.collectors.CollectorsModule;
import org.ewea.collectors.fetch.FetchSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the collectors fetch and judge sources, bound from {@code EWEA_COLLECTORS_*} (or {@code ewea.collectors.*}).
 *
 * @param connectTimeout to open a connection ({@code EWEA_COLLECTORS_CONNECT_TIMEOUT}, default 10s)
 * @param readTimeout between two reads ({@code EWEA_COLLECTORS_READ_TIMEOUT}, default 30s)
 * @param maxBody largest body accepted after decompression ({@code EWEA_COLLECTORS_MAX_BODY}, default 10MB)
 * @param maxDecompressionRatio largest gzip expansion ratio accepted (default 100)
 * @param maxRedirects redirects followed at most (default 5)
 * @param politenessDelay least time between two requests to one host (default 2s)
 * @param maxAttempts attempts for timeouts, connection errors, 429 and 5xx (default 3)
 * @param backoffBase first retry delay, doubled each time, plus jitter (default 1s)
 * @param userAgent the User-Agent sent
 * @param silentFactor a source is SILENT after this many times its usual interval without new items (default 3)
 * @param schedulerEnabled whether sources are harvested by their cron schedules ({@code EWEA_COLLECTORS_SCHEDULER_ENABLED},
 *     default true)
 * @param schedulerThreads harvests that may run at once on this instance (default 4)
 * @param attackData MITRE ATT&CK STIX data (bundle or one object per line) whose group and software names are
 *     extracted as entities ({@code EWEA_COLLECTORS_ATTACK_DATA}; not shipped: ATT&CK terms of use)
 * @param rawRetention how long raw captures are kept after capture ({@code EWEA_COLLECTORS_RAW_RETENTION}, default
 *     365d)
 * @param sourcesFile a YAML source catalogue applied at start ({@code EWEA_COLLECTORS_SOURCES_FILE}); invalid entries
 *     stop the start with file, line and reason
 * @param resyncInterval how often the schedule is brought in line with the catalogue, for changes made by other
 *     instances (default 60s)
 * @param harvestAnswer how long {@code POST /api/v1/sources/{id}/harvest} waits for the harvest before it answers
 *     504 (the harvest goes on and records its run; {@code EWEA_COLLECTORS_HARVEST_ANSWER}, default 5m)
 * @param trustedProxies proxies on loopback or private addresses that sources may fetch through, as {@code host:port}
 *     ({@code EWEA_COLLECTORS_TRUSTED_PROXIES}, e.g. {@code 127.0.0.1:9050} for a local Tor daemon; default none):
 *     any other proxy passes the SSRF guard like a target
 */
@ConfigurationProperties("ewea.collectors")
public record CollectorsProperties(
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("10MB") DataSize maxBody,
        @DefaultValue("100") int maxDecompressionRatio,
        @DefaultValue("5") int maxRedirects,
        @DefaultValue("2s") Duration politenessDelay,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1s") Duration backoffBase,
        @DefaultValue("EW/EA horizon scanner") String userAgent,
        @DefaultValue("3") double silentFactor,
        @DefaultValue("true") boolean schedulerEnabled,
        @DefaultValue("4") int schedulerThreads,
        @DefaultValue("60s") Duration resyncInterval,
        @Nullable Path attackData,
        @DefaultValue("365d") Duration rawRetention,
        @Nullable Path sourcesFile,
        java.util.@Nullable List<String> trustedProxies,
        @DefaultValue("5m") Duration harvestAnswer) {

    public FetchSettings fetchSettings() {
        return new FetchSettings(
                connectTimeout,
                readTimeout,
                maxBody.toBytes(),
                maxDecompressionRatio,
                maxRedirects,
                politenessDelay,
                maxAttempts,
                backoffBase,
                userAgent,
                trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies));
    }

    /** The collectors module's settings. */
    public CollectorsModule.Settings moduleSettings() {
        return new CollectorsModule.Settings(rawRetention, silentFactor);
    }
}
