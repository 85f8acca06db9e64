package org.ewea.api.exercise;

import java.time.Instant;
import java.util.Optional;

/**
 * An exercise as stored: its definition, its clock and how far its timeline has been replayed.
 *
 * @param id its id
 * @param definition what the trainer defined (defaults filled in)
 * @param clock the simulated time
 * @param processedUpTo every event of the timeline at or before this time has been replayed
 * @param database the name of its own database
 * @param createdBy the trainer who created it
 * @param created when (wall clock)
 */
public record Exercise(
        String id,
        ExerciseDefinition definition,
        ExerciseClock clock,
        Instant processedUpTo,
        String database,
        String createdBy,
        Instant created) {

    /** The team the user plays in, if they take part. */
    public Optional<ExerciseDefinition.Team> teamOf(String username) {
        return definition.teams().stream()
                .filter(t -> t.participants() != null && t.participants().contains(username))
                .findFirst();
    }

    public Exercise with(ExerciseClock next) {
        return new Exercise(id, definition, next, processedUpTo, database, createdBy, created);
    }

    public Exercise replayedTo(Instant instant) {
        return new Exercise(id, definition, clock, instant, database, createdBy, created);
    }
}
