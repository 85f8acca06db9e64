package org.ewea.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts are raised, bound from {@code EWEA_ALERTS_*} (or {@code ewea.alerts.*}).
 *
 * @param rulesFile the alert rules file replacing the shipped {@code alert-rules.yaml}
 *     ({@code EWEA_ALERTS_RULES_FILE})
 * @param evaluationEnabled false to never evaluate rules on a schedule ({@code EWEA_ALERTS_EVALUATION_ENABLED};
 *     {@code POST /api/v1/alerts/evaluate} still works)
 * @param evaluationInterval time between evaluations ({@code EWEA_ALERTS_EVALUATION_INTERVAL}, default PT5M)
 * @param firstEvaluationDelay time after start-up (and the demo import) before the first evaluation
 *     ({@code EWEA_ALERTS_FIRST_EVALUATION_DELAY}, default PT1S)
 * @param streamHeartbeat how often an idle alert stream sends a comment to keep proxies from closing it
 *     ({@code EWEA_ALERTS_STREAM_HEARTBEAT}, default PT15S)
 */
@ConfigurationProperties("ewea.alerts")
public record AlertsProperties(@Nullable Path rulesFile, @DefaultValue("true") boolean evaluationEnabled,
        @DefaultValue("PT5M") Duration evaluationInterval, @DefaultValue("PT1S") Duration firstEvaluationDelay,
        @DefaultValue("PT15S") Duration streamHeartbeat) {

    public AlertsProperties {
        if (evaluationInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ewea.alerts.evaluation-interval must be at least PT1S, was "
                    + evaluationInterval);
        }
        if (streamHeartbeat.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ewea.alerts.stream-heartbeat must be at least PT1S, was "
                    + streamHeartbeat);
        }
    }
}
