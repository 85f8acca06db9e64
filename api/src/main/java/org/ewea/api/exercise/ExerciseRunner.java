package org.ewea.api.exercise;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ewea.collectors.replay.ReplayClock;
import org.ewea.methodology.grading.HandlingCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs exercises: creates each one's database and pipeline, moves its clock on the trainer's commands, and every
 * {@code tick} replays what the running exercises' clocks have reached, on a thread of its own (never an event loop).
 * Everything done to one exercise (replaying, injects, participants' decisions) is serialised on that exercise's
 * lock. Exercises found running at start-up are paused: a restart should not fast-forward a room of participants.
 */
public final class ExerciseRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ExerciseRunner.class);

    /** An exercise loaded in memory. */
    record Loaded(ExerciseRun run, ExercisePipeline pipeline, ExerciseRecords records) {}

    private final ExerciseRepository exercises;
    private final Function<String, MongoDatabase> databases;
    private final ExerciseLibrary library;
    private final ExercisePipeline.Shared shared;
    private final HandlingCodes codes;
    private final InstantSource wall;
    private final Duration tick;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private volatile boolean running;

    public ExerciseRunner(
            ExerciseRepository exercises,
            MongoClient client,
            ExerciseLibrary library,
            ExercisePipeline.Shared shared,
            HandlingCodes codes,
            InstantSource wall,
            Duration tick) {
        this.exercises = exercises;
        this.databases = client::getDatabase;
        this.library = library;
        this.shared = shared;
        this.codes = codes;
        this.wall = wall;
        this.tick = tick;
    }

    /** The lock everything done to one exercise holds. */
    Object lock(String id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    /** Stores a new exercise (its database starts empty); empty when the id is taken. */
    public Optional<Exercise> create(ExerciseDefinition definition, String createdBy) {
        Instant now = wall.instant();
        Exercise exercise = new Exercise(
                definition.id(),
                definition,
                ExerciseClock.ready(definition.start(), definition.end(), definition.speed(), now),
                definition.start(),
                ExerciseRepository.DATABASE_PREFIX + definition.id().replace('-', '_'),
                createdBy,
                now);
        if (!exercises.insert(exercise)) {
            return Optional.empty();
        }
        synchronized (lock(exercise.id())) {
            load(exercise);
        }
        LOG.info("Exercise '{}' created by {} in database {}", exercise.id(), createdBy, exercise.database());
        return Optional.of(exercise);
    }

    /** The exercise and its simulated time now. */
    public Optional<Exercise> find(String id) {
        return exercises.find(id);
    }

    public List<Exercise> all() {
        return exercises.all();
    }

    /** The exercise loaded (built on first use), under the caller's lock. */
    Loaded loaded(Exercise exercise) {
        Loaded existing = loaded.get(exercise.id());
        return existing != null ? existing : load(exercise);
    }

    private Loaded load(Exercise exercise) {
        Loaded existing = loaded.get(exercise.id());
        if (existing != null) {
            return existing;
        }
        MongoDatabase database = databases.apply(exercise.database());
        List<ExerciseRecording> recordings = exercise.definition().recordings().stream()
                .map(library::recording)
                .toList();
        Map<String, String> titles = new LinkedHashMap<>();
        recordings.forEach(r -> r.folder().sources().forEach((id, s) -> titles.put(id.value(), s.title())));
        ReplayClock replay = new ReplayClock(exercise.definition().start());
        Set<String> darkWeb = new HashSet<>();
        recordings.forEach(r -> r.folder().sources().forEach((id, s) -> {
            if (s.url() != null
                    && URI.create(s.url()).getHost() != null
                    && URI.create(s.url()).getHost().endsWith(".onion")) {
                darkWeb.add(id.value());
            }
        }));
        ExercisePipeline pipeline = ExercisePipeline.over(
                database,
                replay,
                shared,
                titles,
                darkWeb,
                exercise.definition().watch(),
                () -> simulatedNow(exercise.id()));
        ExerciseRecords records = new ExerciseRecords(database);
        Loaded fresh = new Loaded(
                new ExerciseRun(
                        exercise.id(),
                        exercise.definition(),
                        recordings,
                        pipeline,
                        records,
                        codes,
                        exercise.processedUpTo()),
                pipeline,
                records);
        loaded.put(exercise.id(), fresh);
        return fresh;
    }

    /** The exercise's simulated time now (its start when unknown). */
    Instant simulatedNow(String id) {
        return exercises.find(id).map(e -> e.clock().at(wall.instant())).orElse(Instant.EPOCH);
    }

    /**
     * Applies a trainer's clock command: {@code start}, {@code pause}, {@code resume} or {@code jump} (replays up to
     * {@code to} before answering). Throws IllegalStateException for a command the exercise's state does not allow,
     * IllegalArgumentException for a bad time or speed.
     */
    public Exercise command(String id, String action, Instant to, Double speed) {
        synchronized (lock(id)) {
            Exercise exercise = exercises.find(id).orElseThrow();
            Instant now = wall.instant();
            ExerciseClock clock = exercise.clock();
            ExerciseClock next = switch (action) {
                case "start" -> {
                    if (clock.state() != ExerciseClock.State.READY) {
                        throw new IllegalStateException("the exercise was started already; resume it");
                    }
                    yield clock.startOrResume(now, speed);
                }
                case "resume" -> {
                    if (clock.state() != ExerciseClock.State.PAUSED) {
                        throw new IllegalStateException(
                                "only a paused exercise can be resumed; it is " + clock.state());
                    }
                    yield clock.startOrResume(now, speed);
                }
                case "pause" -> clock.pause(now);
                case "jump" -> {
                    if (to == null) {
                        throw new IllegalArgumentException("a jump needs 'to'");
                    }
                    yield clock.jump(to, now, speed);
                }
                case "speed" -> {
                    if (speed == null) {
                        throw new IllegalArgumentException("give 'speed'");
                    }
                    yield clock.withSpeed(speed, now);
                }
                default ->
                    throw new IllegalArgumentException(
                            "unknown action '" + action + "': start, pause, resume, jump or speed");
            };
            Exercise moved = exercise.with(next);
            exercises.save(moved);
            if (action.equals("jump")) {
                moved = replay(moved);
            }
            return moved;
        }
    }

    /** Replays what the exercise's clock has reached; ends it at the scenario's end. Under the exercise's lock. */
    private Exercise replay(Exercise exercise) {
        Loaded l = loaded(exercise);
        Instant now = wall.instant();
        Instant target = exercise.clock().at(now);
        Instant done = l.run().advanceTo(target);
        Exercise progressed = exercise.replayedTo(done);
        if (l.run().finished() && exercise.clock().state() != ExerciseClock.State.ENDED) {
            progressed = progressed.with(exercise.clock().ended(now));
            l.records()
                    .log(
                            done,
                            "end",
                            "the scenario has ended: " + l.run().capturesReplayed() + " capture(s) replayed, "
                                    + l.run().evaluations() + " evaluation(s)");
            LOG.info("Exercise '{}' has reached its end", exercise.id());
        }
        exercises.save(progressed);
        return progressed;
    }

    /** Adds a live inject; the inject as scheduled (moved to just after the replayed time if it was before). */
    public ExerciseDefinition.Inject inject(String id, ExerciseDefinition.Inject inject, String by) {
        synchronized (lock(id)) {
            Exercise exercise = exercises.find(id).orElseThrow();
            if (exercise.clock().state() == ExerciseClock.State.ENDED) {
                throw new IllegalStateException("the exercise has ended");
            }
            Loaded l = loaded(exercise);
            ExerciseDefinition.Inject timed = l.run().addLiveInject(inject);
            l.records().addInject(timed, by);
            return timed;
        }
    }

    /** One round: replays every running exercise up to its clock. */
    void tick() {
        for (Exercise exercise : new ArrayList<>(exercises.all())) {
            if (exercise.clock().state() != ExerciseClock.State.RUNNING) {
                continue;
            }
            try {
                synchronized (lock(exercise.id())) {
                    exercises
                            .find(exercise.id())
                            .filter(e -> e.clock().state() == ExerciseClock.State.RUNNING)
                            .ifPresent(this::replay);
                }
            } catch (Exception | Error e) {
                LOG.error("Exercise '{}' could not be replayed; it is paused", exercise.id(), e);
                synchronized (lock(exercise.id())) {
                    exercises
                            .find(exercise.id())
                            .ifPresent(x -> exercises.save(x.with(
                                    x.clock().state() == ExerciseClock.State.RUNNING
                                            ? x.clock().pause(wall.instant())
                                            : x.clock())));
                }
            }
        }
    }

    @Override
    public void start() {
        for (Exercise exercise : exercises.all()) {
            if (exercise.clock().state() == ExerciseClock.State.RUNNING) {
                exercises.save(exercise.with(exercise.clock().pausedAt(exercise.processedUpTo(), wall.instant())));
                LOG.info(
                        "Exercise '{}' was running when the service stopped: it is paused at {}",
                        exercise.id(),
                        exercise.processedUpTo());
            }
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ewea-exercises");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::safeTick, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    /** One round; nothing it throws may end the schedule (a periodic task that throws is never run again). */
    private void safeTick() {
        try {
            tick();
        } catch (Throwable e) {
            // Throwable: libraries may throw checked exceptions undeclared
            LOG.error("Exercise round failed", e);
        }
    }

    /** Stops replaying; running exercises are paused where their replay stands, to be resumed after a restart. */
    @Override
    public void stop() {
        running = false;
        if (ticker != null) {
            ticker.shutdown();
            try {
                ticker.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Exercise exercise : exercises.all()) {
            if (exercise.clock().state() == ExerciseClock.State.RUNNING) {
                synchronized (lock(exercise.id())) {
                    exercises.save(exercise.with(exercise.clock().pausedAt(exercise.processedUpTo(), wall.instant())));
                }
            }
        }
        for (String id : List.copyOf(loaded.keySet())) {
            synchronized (lock(id)) {
                Loaded unloaded = loaded.remove(id);
                if (unloaded != null) {
                    unloaded.pipeline().close();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
