package org.ewea.api.config;

import java.nio.file.Path;
import java.util.Set;
import org.ewea.scoring.ScoringModule;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scoring treats sources, bound from {@code EWEA_SCORING_*} (or {@code ewea.scoring.*}).
 *
 * @param authoritativeSources catalogue ids of sources that are the authoritative record: a subject they mention is
 *     a known threat from that day, scored 1, and their first mentions are the labels the {@code train} command
 *     learns from ({@code EWEA_SCORING_AUTHORITATIVE_SOURCES}, comma-separated; default {@code cisa-kev}, the CISA
 *     Known Exploited Vulnerabilities feed as the demo and docs/operations.md name it)
 * @param threatTypesData labelled articles to train the threat-type model from at start (JSON Lines: title, text,
 *     event_types; the CASIE corpus's form), or null for no threat types ({@code EWEA_SCORING_THREAT_TYPES_DATA});
 *     no threat-type model ships because the data it was measured on may not be redistributed
 */
@ConfigurationProperties("ewea.scoring")
public record ScoringProperties(
        @DefaultValue("cisa-kev") Set<String> authoritativeSources,
        @Nullable Path threatTypesData) {

    public ScoringProperties {
        authoritativeSources = Set.copyOf(authoritativeSources);
    }

    /** The scoring module's settings. */
    public ScoringModule.Settings moduleSettings() {
        return new ScoringModule.Settings(authoritativeSources);
    }
}
