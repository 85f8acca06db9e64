package org.ewea.api.harvest;

import org.ewea.collectors.schedule.HarvestScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the service is ready (and the demo data imported): applies the YAML source catalogue, if any, then starts
 * scheduled harvesting unless it is disabled.
 */
final class HarvestSchedulerStarter implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestSchedulerStarter.class);

    private final HarvestScheduler scheduler;
    private final boolean enabled;
    private final Runnable catalogue;

    HarvestSchedulerStarter(HarvestScheduler scheduler, boolean enabled, Runnable catalogue) {
        this.scheduler = scheduler;
        this.enabled = enabled;
        this.catalogue = catalogue;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        catalogue.run();
        if (!enabled) {
            LOG.info("Scheduled harvesting is off (EWEA_COLLECTORS_SCHEDULER_ENABLED=false)");
            return;
        }
        scheduler.start();
        LOG.info(
                "Scheduled harvesting started: {} source(s) scheduled",
                scheduler.scheduled().size());
    }
}
