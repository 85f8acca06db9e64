package org.ewea.collectors.schedule;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.ewea.methodology.SourceId;

/**
 * A per-source lock shared by every instance through MongoDB (ShedLock, collection {@code shedLock}): while one
 * instance harvests a source, another that tries gets nothing and does nothing.
 */
public final class SourceLock {

    /** A harvest holding the lock longer than this is presumed dead and the lock expires. */
    public static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);
    /** Kept at least this long, so instances with slightly different clocks do not run one cron firing twice. */
    public static final Duration LOCK_AT_LEAST = Duration.ofSeconds(2);

    /** ShedLock's collection and fields. */
    static final String COLLECTION = "shedLock";

    private final LockingTaskExecutor executor;
    private final InstantSource clock;
    private final MongoDatabase database;

    public SourceLock(MongoDatabase database, InstantSource clock) {
        this.executor = new DefaultLockingTaskExecutor(new MongoLockProvider(database));
        this.clock = clock;
        this.database = database;
    }

    /**
     * Releases every lock still held: for a store only this process can have open (the embedded one, whose file a
     * second process cannot open), a held lock at start was left by a process that died while holding it (kill -9
     * during a harvest); without this its source would answer "a harvest is running already" and be skipped by the
     * scheduler for up to {@link #LOCK_AT_MOST}. Never call it on a store other instances share. Blocks.
     *
     * @return the names of the locks released (e.g. {@code harvest-europol-news})
     */
    public List<String> releaseLeftByADeadProcess() {
        Date now = Date.from(clock.instant());
        var held = Filters.gt("lockUntil", now);
        var collection = database.getCollection(COLLECTION);
        List<String> names = new ArrayList<>();
        collection.find(held).forEach(d -> names.add(String.valueOf(d.get("_id"))));
        if (!names.isEmpty()) {
            collection.updateMany(held, Updates.set("lockUntil", now));
        }
        return names;
    }

    /**
     * Runs a scheduled firing if no instance holds the source's lock; empty when another does. The lock is held at
     * least {@link #LOCK_AT_LEAST}, so that one cron firing seen by several instances runs once.
     */
    public <T> Optional<T> runScheduled(SourceId source, Supplier<T> task) {
        return run(source, task, LOCK_AT_LEAST);
    }

    /** Runs an on-demand harvest if no instance holds the source's lock; released as soon as it ends. */
    public <T> Optional<T> runNow(SourceId source, Supplier<T> task) {
        return run(source, task, Duration.ZERO);
    }

    /**
     * Runs another task that one instance at a time must run (e.g. {@code alert-evaluation}) if no instance holds its
     * lock; empty when another does. Released as soon as it ends.
     */
    public <T> Optional<T> runExclusive(String taskName, Supplier<T> task) {
        return run("task-" + taskName, task, Duration.ZERO);
    }

    private <T> Optional<T> run(SourceId source, Supplier<T> task, Duration atLeast) {
        return run("harvest-" + source.value(), task, atLeast);
    }

    private <T> Optional<T> run(String name, Supplier<T> task, Duration atLeast) {
        LockConfiguration lock = new LockConfiguration(clock.instant(), name, LOCK_AT_MOST, atLeast);
        try {
            LockingTaskExecutor.TaskResult<T> result = executor.executeWithLock(task::get, lock);
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
