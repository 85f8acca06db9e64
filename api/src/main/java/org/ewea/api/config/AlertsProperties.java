package org.ewea.api.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.ewea.alerts.digest.DigestSchedule;
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
 *     ({@code EWEA_ALERTS_FIRST_EVALUATION_DELAY}, default PT0S)
 * @param streamHeartbeat how often an idle alert stream sends a comment to keep proxies from closing it
 *     ({@code EWEA_ALERTS_STREAM_HEARTBEAT}, default PT15S)
 * @param deliveryInterval how often deliveries are planned and sent ({@code EWEA_ALERTS_DELIVERY_INTERVAL},
 *     default PT10S)
 * @param deliveryAttempts attempts before a delivery is a dead letter ({@code EWEA_ALERTS_DELIVERY_ATTEMPTS},
 *     default 6)
 * @param retryFirst wait after the first failure, doubling after each ({@code EWEA_ALERTS_RETRY_FIRST}, default
 *     PT30S)
 * @param retryLongest the longest wait between attempts ({@code EWEA_ALERTS_RETRY_LONGEST}, default PT1H)
 * @param webhookTimeout connect and response timeout of a webhook POST ({@code EWEA_ALERTS_WEBHOOK_TIMEOUT},
 *     default PT10S)
 * @param webhookAllowPrivateAddresses allow webhooks to loopback, private and link-local addresses
 *     ({@code EWEA_ALERTS_WEBHOOK_ALLOW_PRIVATE_ADDRESSES}, default false: no SSRF through webhooks)
 * @param smtp the SMTP server for e-mail subscriptions ({@code EWEA_ALERTS_SMTP_HOST}, {@code _PORT},
 *     {@code _FROM}, {@code _USERNAME}, {@code _PASSWORD}, {@code _START_TLS}); without a host, e-mail
 *     subscriptions are refused
 * @param digestsEnabled false to make no weekly digests in the service ({@code EWEA_ALERTS_DIGESTS_ENABLED}); exercises
 *     make theirs by the same schedule in simulated time either way
 * @param digestCron when the weekly digests are made (in the service and in every exercise), a Quartz cron expression ({@code EWEA_ALERTS_DIGEST_CRON},
 *     default {@code 0 0 7 ? * MON}: Mondays 07:00)
 * @param digestZone the time zone of that expression ({@code EWEA_ALERTS_DIGEST_ZONE}, default UTC)
 */
@ConfigurationProperties("ewea.alerts")
public record AlertsProperties(
        @Nullable Path rulesFile,
        @DefaultValue("true") boolean evaluationEnabled,
        @DefaultValue("PT5M") Duration evaluationInterval,
        @DefaultValue("PT0S") Duration firstEvaluationDelay,
        @DefaultValue("PT15S") Duration streamHeartbeat,
        @DefaultValue("PT10S") Duration deliveryInterval,
        @DefaultValue("6") int deliveryAttempts,
        @DefaultValue("PT30S") Duration retryFirst,
        @DefaultValue("PT1H") Duration retryLongest,
        @DefaultValue("PT10S") Duration webhookTimeout,
        @DefaultValue("false") boolean webhookAllowPrivateAddresses,
        @DefaultValue Smtp smtp,
        @DefaultValue("true") boolean digestsEnabled,
        @DefaultValue("0 0 7 ? * MON") String digestCron,
        @DefaultValue("UTC") ZoneId digestZone) {

    /**
     * The SMTP server.
     *
     * @param host host name; none: no e-mail
     * @param port port (default 587)
     * @param from sender address (default ewea@localhost)
     * @param username login, if any
     * @param password its password
     * @param startTls require STARTTLS (default true)
     */
    public record Smtp(
            @Nullable String host,
            @DefaultValue("587") int port,
            @DefaultValue("ewea@localhost") String from,
            @Nullable String username,
            @Nullable String password,
            @DefaultValue("true") boolean startTls) {

        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    public AlertsProperties {
        if (evaluationInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "ewea.alerts.evaluation-interval must be at least PT1S, was " + evaluationInterval);
        }
        if (streamHeartbeat.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "ewea.alerts.stream-heartbeat must be at least PT1S, was " + streamHeartbeat);
        }
        if (deliveryInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException(
                    "ewea.alerts.delivery-interval must be at least PT0.1S, was " + deliveryInterval);
        }
        if (deliveryAttempts < 1 || deliveryAttempts > 50) {
            throw new IllegalArgumentException(
                    "ewea.alerts.delivery-attempts must be 1 to 50, was " + deliveryAttempts);
        }
    }

    /** When the weekly digests are made: the service's schedule, and every exercise's in simulated time. */
    public DigestSchedule digestSchedule() {
        return DigestSchedule.weekly(digestCron, digestZone);
    }
}
