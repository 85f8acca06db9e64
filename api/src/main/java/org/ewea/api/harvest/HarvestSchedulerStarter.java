package org.ewea.api.harvest;

import org.ewea.collectors.schedule.HarvestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Starts scheduled harvesting once the service is ready (and the demo data imported), unless it is disabled. */
final class HarvestSchedulerStarter implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestSchedulerStarter.class);

    private final HarvestScheduler scheduler;
    private final boolean enabled;

    HarvestSchedulerStarter(HarvestScheduler scheduler, boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled) {
            LOG.info("Scheduled harvesting is off (EWEA_COLLECTORS_SCHEDULER_ENABLED=false)");
            return;
        }
        scheduler.start();
        LOG.info("Scheduled harvesting started: {} source(s) scheduled", scheduler.scheduled().size());
    }
}
