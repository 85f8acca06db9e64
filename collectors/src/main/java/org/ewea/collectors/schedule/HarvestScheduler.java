package org.ewea.collectors.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ewea.collectors.source.Source;
import org.ewea.methodology.SourceId;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires harvests by each enabled source's cron expression (Quartz, in-memory job store: the {@code sources} collection
 * is the truth, and {@link #sync} brings the schedule in line with it, by itself every resync interval). A missed
 * firing is not made up. What a firing does is given: in the service it harvests under the source's lock.
 */
public final class HarvestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduler.class);
    private static final String GROUP = "harvest";

    private final Scheduler scheduler;
    private final Consumer<SourceId> harvest;
    private final Supplier<List<Source>> enabledSources;
    private final Runnable maintenance;

    public HarvestScheduler(
            int threads, Consumer<SourceId> harvest, Supplier<List<Source>> enabledSources, Duration resyncInterval) {
        this(threads, harvest, enabledSources, resyncInterval, () -> {});
    }

    /**
     * @param maintenance run after each resync (e.g. purging expired raw captures)
     */
    public HarvestScheduler(
            int threads,
            Consumer<SourceId> harvest,
            Supplier<List<Source>> enabledSources,
            Duration resyncInterval,
            Runnable maintenance) {
        this.maintenance = maintenance;
        this.harvest = harvest;
        this.enabledSources = enabledSources;
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "ewea-harvest-" + UUID.randomUUID());
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "ewea-harvest");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, s) -> jobFor(bundle.getJobDetail()));
            JobDetail resync = JobBuilder.newJob(ResyncJob.class)
                    .withIdentity("resync", "system")
                    .build();
            scheduler.scheduleJob(
                    resync,
                    TriggerBuilder.newTrigger()
                            .withIdentity("resync", "system")
                            .startAt(new Date(System.currentTimeMillis() + resyncInterval.toMillis()))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(resyncInterval.toMillis())
                                    .repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the harvest scheduler", e);
        }
    }

    /** Loads the enabled sources and starts firing. */
    public void start() {
        sync(enabledSources.get());
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the harvest scheduler", e);
        }
    }

    /** Makes the schedule exactly the given enabled sources, each with its current cron expression. */
    public synchronized void sync(Collection<Source> enabled) {
        Set<String> wanted = new HashSet<>();
        for (Source source : enabled) {
            if (source.enabled()) {
                wanted.add(source.id().value());
                schedule(source);
            }
        }
        try {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!wanted.contains(key.getName())) {
                    scheduler.deleteJob(key);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Schedules (or reschedules, or for a disabled source unschedules) one source. */
    public synchronized void schedule(Source source) {
        if (!source.enabled()) {
            unschedule(source.id());
            return;
        }
        String id = source.id().value();
        TriggerKey triggerKey = TriggerKey.triggerKey(id, GROUP);
        try {
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(source.schedule())) {
                return;
            }
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(triggerKey)
                    .withSchedule(CronScheduleBuilder.cronSchedule(source.schedule())
                            .withMisfireHandlingInstructionDoNothing())
                    .build();
            if (existing != null) {
                scheduler.rescheduleJob(triggerKey, trigger);
            } else {
                JobDetail job = JobBuilder.newJob(HarvestJob.class)
                        .withIdentity(id, GROUP)
                        .usingJobData("source", id)
                        .build();
                scheduler.scheduleJob(job, trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule source " + id, e);
        }
    }

    public synchronized void unschedule(SourceId source) {
        try {
            scheduler.deleteJob(JobKey.jobKey(source.value(), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scheduled sources and when each fires next. */
    public Map<String, Date> scheduled() {
        Map<String, Date> next = new LinkedHashMap<>();
        try {
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                next.put(key.getName(), scheduler.getTrigger(key).getNextFireTime());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
        return next;
    }

    private Job jobFor(JobDetail detail) {
        if (detail.getJobClass() == ResyncJob.class) {
            return context -> {
                try {
                    sync(enabledSources.get());
                    maintenance.run();
                } catch (RuntimeException e) {
                    LOG.warn("Resync or maintenance of the harvest schedule failed; will try again", e);
                }
            };
        }
        String source = detail.getJobDataMap().getString("source");
        return context -> {
            try {
                harvest.accept(new SourceId(source));
            } catch (RuntimeException e) {
                LOG.error("Scheduled harvest of {} failed", source, e);
            }
        };
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("Harvest scheduler did not shut down cleanly", e);
        }
    }

    /** Marker types: Quartz needs a job class; the job factory supplies the behaviour. */
    public static final class HarvestJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            throw new IllegalStateException("created through the job factory only");
        }
    }

    public static final class ResyncJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            throw new IllegalStateException("created through the job factory only");
        }
    }
}
