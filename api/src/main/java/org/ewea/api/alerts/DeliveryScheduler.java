package org.ewea.api.alerts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ewea.alerts.delivery.DeliveryPlanner;
import org.ewea.alerts.delivery.DeliveryWorker;
import org.ewea.api.config.AlertsProperties;
import org.ewea.collectors.schedule.SourceLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Plans deliveries from new alert events and sends those due, every delivery interval, on one instance at a time
 * (a lock in the store).
 */
public final class DeliveryScheduler implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryScheduler.class);
    static final String TASK = "alert-delivery";

    private final DeliveryPlanner planner;
    private final DeliveryWorker worker;
    private final SourceLock lock;
    private final AlertsProperties properties;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ewea-alert-delivery").factory());

    DeliveryScheduler(DeliveryPlanner planner, DeliveryWorker worker, SourceLock lock, AlertsProperties properties) {
        this.planner = planner;
        this.worker = worker;
        this.lock = lock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = properties.deliveryInterval().toMillis();
        executor.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            lock.runExclusive(TASK, () -> {
                int planned = planner.plan();
                DeliveryWorker.Round round = worker.deliverDue();
                if (planned + round.delivered() + round.retrying() + round.dead() > 0) {
                    LOG.info(
                            "Deliveries: {} planned, {} delivered, {} to retry, {} dead",
                            planned,
                            round.delivered(),
                            round.retrying(),
                            round.dead());
                }
                return round;
            });
        } catch (RuntimeException e) {
            LOG.error("Delivery round failed; the next runs in {}", properties.deliveryInterval(), e);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
