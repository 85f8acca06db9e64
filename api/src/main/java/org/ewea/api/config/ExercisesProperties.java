package org.ewea.api.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exercise mode, bound from {@code EWEA_EXERCISES_*} (or {@code ewea.exercises.*}).
 *
 * @param directory where trainers put folder recordings for their own exercises, one folder each
 *     ({@code EWEA_EXERCISES_DIRECTORY}; unset: only the exercises bundled with the service)
 * @param tick wall-clock time between replay rounds of running exercises ({@code EWEA_EXERCISES_TICK}, default
 *     PT1S)
 */
@ConfigurationProperties("ewea.exercises")
public record ExercisesProperties(
        @Nullable Path directory, @DefaultValue("PT1S") Duration tick) {

    public ExercisesProperties {
        if (tick.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("ewea.exercises.tick must be at least PT0.1S, was " + tick);
        }
    }
}
