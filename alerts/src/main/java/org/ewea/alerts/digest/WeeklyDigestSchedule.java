package org.ewea.alerts.digest;

import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the weekly digests by a Quartz cron expression in a time zone (in-memory job store; every instance fires,
 * and the archive keeps one digest per audience and week).
 */
public final class WeeklyDigestSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WeeklyDigestSchedule.class);

    private final Scheduler scheduler;

    /** The schedule's expression and audiences, fired once {@link #start()}ed. */
    public WeeklyDigestSchedule(DigestService digests, DigestSchedule schedule) {
        List<String> audiences = schedule.audiences();
        String cron = schedule.cron();
        ZoneId zone = schedule.zone();
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "ewea-digests-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "ewea-digests");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, s) -> context -> {
                try {
                    List<String> made = digests.weekly(audiences);
                    LOG.info("Weekly digests: {} made ({})", made.size(), made);
                } catch (RuntimeException e) {
                    LOG.error("Weekly digests failed", e);
                }
            });
            scheduler.scheduleJob(
                    JobBuilder.newJob(WeeklyJob.class)
                            .withIdentity("weekly", "digests")
                            .build(),
                    TriggerBuilder.newTrigger()
                            .withIdentity("weekly", "digests")
                            .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                                    .inTimeZone(TimeZone.getTimeZone(zone))
                                    .withMisfireHandlingInstructionFireAndProceed())
                            .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the digest scheduler", e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the digest scheduler", e);
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.warn("Digest scheduler did not shut down cleanly", e);
        }
    }

    /** Marker type: Quartz needs a job class; the job factory supplies the behaviour. */
    public static final class WeeklyJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            throw new IllegalStateException("created through the job factory only");
        }
    }
}
