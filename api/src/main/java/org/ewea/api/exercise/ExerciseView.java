package org.ewea.api.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An exercise as the API shows it.
 *
 * @param id its id
 * @param name its name
 * @param description the scenario
 * @param state READY, RUNNING, PAUSED or ENDED
 * @param simulatedNow the exercise clock now
 * @param replayedTo how far the timeline has been replayed (trails the clock while running)
 * @param start scenario start
 * @param end scenario end
 * @param speed simulated seconds per second
 * @param progress share of the scenario replayed, 0 to 1
 * @param evaluateEvery simulated time between rule evaluations
 * @param recordings what is replayed
 * @param teams teams and participants
 * @param yourTeam the caller's team, if they take part
 * @param createdBy the trainer
 * @param created when
 * @param scoreboard per team, so far (empty in listings)
 * @param questions the policy questions asked so far
 * @param log the latest lines of the exercise's log, newest first
 * @param items items replayed so far
 * @param alerts alerts so far (that the caller is cleared for)
 */
public record ExerciseView(
        String id,
        String name,
        @Nullable String description,
        String state,
        Instant simulatedNow,
        Instant replayedTo,
        Instant start,
        Instant end,
        double speed,
        double progress,
        Duration evaluateEvery,
        List<String> recordings,
        List<ExerciseDefinition.Team> teams,
        @Nullable String yourTeam,
        String createdBy,
        Instant created,
        @Nullable List<AfterActionReport.TeamLine> scoreboard,
        List<ExerciseRecords.Question> questions,
        List<ExerciseRecords.LogLine> log,
        long items,
        long alerts) {

    static ExerciseView of(
            Exercise e,
            Instant wallNow,
            @Nullable String yourTeam,
            @Nullable List<AfterActionReport.TeamLine> scoreboard,
            List<ExerciseRecords.Question> questions,
            List<ExerciseRecords.LogLine> log,
            long items,
            long alerts) {
        ExerciseDefinition d = e.definition();
        double total = Duration.between(d.start(), d.end()).toMillis();
        double done = Duration.between(d.start(), e.processedUpTo()).toMillis();
        return new ExerciseView(
                e.id(),
                d.name(),
                d.description(),
                e.clock().state().name(),
                e.clock().at(wallNow),
                e.processedUpTo(),
                d.start(),
                d.end(),
                e.clock().speed(),
                Math.max(0, Math.min(1, done / total)),
                d.evaluateEvery(),
                d.recordings(),
                d.teams(),
                yourTeam,
                e.createdBy(),
                e.created(),
                scoreboard == null ? List.of() : scoreboard,
                questions,
                log,
                items,
                alerts);
    }
}
