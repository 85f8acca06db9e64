package org.ewea.api.config;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scoring treats sources, bound from {@code EWEA_SCORING_*} (or {@code ewea.scoring.*}).
 *
 * @param authoritativeSources catalogue ids of sources that are the authoritative record: a subject they mention is
 *     a known threat from that day, scored 1, and their first mentions are the labels the {@code train} command
 *     learns from ({@code EWEA_SCORING_AUTHORITATIVE_SOURCES}, comma-separated; default {@code cisa-kev}, the CISA
 *     Known Exploited Vulnerabilities feed as the demo and docs/operations.md name it)
 */
@ConfigurationProperties("ewea.scoring")
public record ScoringProperties(@DefaultValue("cisa-kev") Set<String> authoritativeSources) {

    public ScoringProperties {
        authoritativeSources = Set.copyOf(authoritativeSources);
    }
}
