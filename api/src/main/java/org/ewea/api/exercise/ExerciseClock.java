package org.ewea.api.exercise;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The simulated time of one exercise: it starts at the scenario's start and runs at {@code speed} times the wall
 * clock while running; it stands still while paused, jumps when told, and never passes the scenario's end. Immutable:
 * every command returns the next clock, which the exercise store keeps, so that a restarted service resumes where the
 * exercise was (paused, for safety).
 *
 * @param start the scenario's start
 * @param end the scenario's end
 * @param state where the exercise is
 * @param anchor the simulated time at {@code wallAnchor}
 * @param wallAnchor the wall-clock time of the last command
 * @param speed simulated seconds per wall-clock second, 1 to 10,000
 */
public record ExerciseClock(Instant start, Instant end, State state, Instant anchor, Instant wallAnchor, double speed) {

    /** Where an exercise is. */
    public enum State {
        READY,
        RUNNING,
        PAUSED,
        ENDED
    }

    public static final double MAX_SPEED = 10_000;

    public ExerciseClock {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the scenario must end after it starts");
        }
        if (!(speed >= 1 && speed <= MAX_SPEED)) {
            throw new IllegalArgumentException("speed must be between 1 and 10000, not " + speed);
        }
    }

    /** A clock at the scenario's start, not yet started. */
    public static ExerciseClock ready(Instant start, Instant end, double speed, Instant wallNow) {
        return new ExerciseClock(start, end, State.READY, start, wallNow, speed);
    }

    /** The simulated time at wall-clock time {@code wallNow}. */
    public Instant at(Instant wallNow) {
        if (state != State.RUNNING) {
            return anchor;
        }
        long wallNanos = Math.max(0, Duration.between(wallAnchor, wallNow).toNanos());
        double simulated = wallNanos * speed;
        Instant now = simulated >= Duration.between(anchor, end).toNanos() ? end : anchor.plusNanos((long) simulated);
        return now.isAfter(end) ? end : now;
    }

    /** A view of this clock as an {@link InstantSource} reading the given wall clock. */
    public InstantSource source(InstantSource wall) {
        return () -> at(wall.instant());
    }

    public ExerciseClock startOrResume(Instant wallNow, Double newSpeed) {
        if (state == State.ENDED) {
            throw new IllegalStateException("the exercise has ended");
        }
        if (state == State.RUNNING) {
            throw new IllegalStateException("the exercise is running already");
        }
        return new ExerciseClock(start, end, State.RUNNING, anchor, wallNow, newSpeed == null ? speed : newSpeed);
    }

    public ExerciseClock pause(Instant wallNow) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("only a running exercise can be paused; it is " + state);
        }
        return new ExerciseClock(start, end, State.PAUSED, at(wallNow), wallNow, speed);
    }

    /** Moves to {@code to}, forwards only (what was replayed cannot be unreplayed), keeping RUNNING or PAUSED. */
    public ExerciseClock jump(Instant to, Instant wallNow, Double newSpeed) {
        if (state == State.ENDED) {
            throw new IllegalStateException("the exercise has ended");
        }
        Instant now = at(wallNow);
        if (to.isBefore(now)) {
            throw new IllegalArgumentException(
                    "an exercise clock only moves forward: it is at " + now + ", not after " + to);
        }
        if (to.isAfter(end)) {
            throw new IllegalArgumentException("the scenario ends at " + end);
        }
        State next = state == State.READY ? State.PAUSED : state;
        return new ExerciseClock(start, end, next, to, wallNow, newSpeed == null ? speed : newSpeed);
    }

    /** The same clock at another speed, from now. */
    public ExerciseClock withSpeed(double newSpeed, Instant wallNow) {
        return new ExerciseClock(start, end, state, at(wallNow), wallNow, newSpeed);
    }

    /**
     * Paused at {@code at}: where a running exercise stood when the service stopped (the time replayed so far), so
     * that a restart neither skips what was not replayed nor counts the downtime as simulated time.
     */
    public ExerciseClock pausedAt(Instant at, Instant wallNow) {
        return new ExerciseClock(start, end, State.PAUSED, at, wallNow, speed);
    }

    /** Ended, standing at the scenario's end. */
    public ExerciseClock ended(Instant wallNow) {
        return new ExerciseClock(start, end, State.ENDED, end, wallNow, speed);
    }
}
