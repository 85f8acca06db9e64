package org.ewea.api.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExerciseClockTests {

    private static final Instant START = Instant.parse("2025-03-10T00:00:00Z");
    private static final Instant END = Instant.parse("2025-03-19T00:00:00Z");
    private static final Instant WALL = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void runsAtItsSpeedOnlyWhileRunningAndNeverPassesTheEnd() {
        ExerciseClock ready = ExerciseClock.ready(START, END, 1000, WALL);
        assertThat(ready.at(WALL.plusSeconds(60))).as("not started").isEqualTo(START);
        ExerciseClock running = ready.startOrResume(WALL, null);
        assertThat(running.at(WALL.plusSeconds(86))).isEqualTo(START.plusSeconds(86_000));
        assertThat(running.at(WALL.minusSeconds(5)))
                .as("a wall clock behind the anchor")
                .isEqualTo(START);
        assertThat(running.at(WALL.plusSeconds(100_000))).isEqualTo(END);
        ExerciseClock paused = running.pause(WALL.plusSeconds(10));
        assertThat(paused.at(WALL.plusSeconds(500))).isEqualTo(START.plusSeconds(10_000));
        ExerciseClock resumed = paused.startOrResume(WALL.plusSeconds(600), 10.0);
        assertThat(resumed.at(WALL.plusSeconds(610))).isEqualTo(START.plusSeconds(10_100));
    }

    @Test
    void jumpsForwardOnlyWithinTheScenario() {
        ExerciseClock ready = ExerciseClock.ready(START, END, 1000, WALL);
        ExerciseClock jumped = ready.jump(Instant.parse("2025-03-12T00:00:00Z"), WALL, null);
        assertThat(jumped.state()).isEqualTo(ExerciseClock.State.PAUSED);
        assertThat(jumped.at(WALL.plusSeconds(30))).isEqualTo(Instant.parse("2025-03-12T00:00:00Z"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jumped.jump(START, WALL, null))
                .withMessageContaining("only moves forward");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> jumped.jump(END.plusSeconds(1), WALL, null))
                .withMessageContaining("ends at");
        ExerciseClock ended = jumped.ended(WALL);
        assertThatIllegalStateException().isThrownBy(() -> ended.startOrResume(WALL, null));
        assertThatIllegalStateException().isThrownBy(() -> ended.jump(END, WALL, null));
    }

    @Test
    void refusesImpossibleSpeedsAndScenarios() {
        assertThatIllegalArgumentException().isThrownBy(() -> ExerciseClock.ready(START, END, 0.5, WALL));
        assertThatIllegalArgumentException().isThrownBy(() -> ExerciseClock.ready(START, END, 20_000, WALL));
        assertThatIllegalArgumentException().isThrownBy(() -> ExerciseClock.ready(END, START, 10, WALL));
        assertThatIllegalStateException()
                .isThrownBy(() -> ExerciseClock.ready(START, END, 10, WALL).pause(WALL));
    }

    @Test
    void aRestartPausesWhereTheReplayStood() {
        ExerciseClock running = ExerciseClock.ready(START, END, 1000, WALL).startOrResume(WALL, null);
        Instant replayed = START.plusSeconds(3600);
        ExerciseClock paused = running.pausedAt(replayed, WALL.plusSeconds(7200));
        assertThat(paused.state()).isEqualTo(ExerciseClock.State.PAUSED);
        assertThat(paused.at(WALL.plusSeconds(9000))).isEqualTo(replayed);
    }
}
