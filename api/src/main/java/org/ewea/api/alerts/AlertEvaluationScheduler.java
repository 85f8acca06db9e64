package org.ewea.api.alerts;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ewea.alerts.engine.AlertEngine;
import org.ewea.alerts.engine.EvaluationReport;
import org.ewea.api.config.AlertsProperties;
import org.ewea.collectors.schedule.SourceLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Evaluates the alert rules on a schedule, starting once the application is ready (after the demo import), and on
 * demand. One instance at a time evaluates (a lock in the store); the others skip that round.
 */
public final class AlertEvaluationScheduler implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluationScheduler.class);
    static final String TASK = "alert-evaluation";

    private final AlertEngine engine;
    private final SourceLock lock;
    private final AlertsProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ewea-alert-evaluation").factory());

    AlertEvaluationScheduler(AlertEngine engine, SourceLock lock, AlertsProperties properties) {
        this.engine = engine;
        this.lock = lock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!properties.evaluationEnabled()) {
            LOG.info("Scheduled alert evaluation is off (EWEA_ALERTS_EVALUATION_ENABLED=false)");
            return;
        }
        executor.scheduleWithFixedDelay(
                this::scheduled,
                properties.firstEvaluationDelay().toMillis(),
                properties.evaluationInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Alert rules are evaluated every {}", properties.evaluationInterval());
    }

    private void scheduled() {
        try {
            evaluateNow()
                    .ifPresent(r -> LOG.info(
                            "Alert evaluation on {}: {} trigger(s) of {} rule(s): {} raised, {}"
                                    + " updated, {} unchanged, {} suppressed; {} early action(s) planned; took {} ms",
                            r.asOf(),
                            r.triggers(),
                            r.rules(),
                            r.raised(),
                            r.updated(),
                            r.unchanged(),
                            r.suppressed(),
                            r.actionsPlanned(),
                            r.took().toMillis()));
        } catch (RuntimeException e) {
            LOG.error("Alert evaluation failed; the next runs in {}", properties.evaluationInterval(), e);
        }
    }

    /** Evaluates now (blocks); empty when another instance is evaluating. */
    public Optional<EvaluationReport> evaluateNow() {
        return lock.runExclusive(TASK, engine::evaluate);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
