package org.ewea.scoring.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewea.methodology.definition.MethodologyLoader;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalPoint;
import org.junit.jupiter.api.Test;

class StageTrackerTests {

    private static final StageTracker TRACKER =
            new StageTracker(new MethodologyLoader().load(null).stages(), BurstDetector.defaults());
    private static final LocalDate AS_OF = LocalDate.parse("2026-03-31");

    private static List<SignalPoint> all() {
        List<SignalPoint> all = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            all.add(new SignalPoint(AS_OF.minusDays(d), 100, 100, Set.of("s" + d % 20)));
        }
        return all;
    }

    @Test
    void aSteadyTrickleStaysAWeakSignal() {
        List<SignalPoint> points = new ArrayList<>();
        for (int d = 0; d < 120; d += 10) {
            points.add(new SignalPoint(AS_OF.minusDays(d), 1, 1, Set.of("s1")));
        }
        StageReading reading = TRACKER.read("t", AS_OF, points, all());
        assertThat(reading.stage()).isEqualTo("weak-signal");
        assertThat(reading.rationale()).contains("first seen " + AS_OF.minusDays(110));
        assertThat(reading.indicators())
                .containsEntry("source-diversity", 1.0)
                .containsKeys("growth", "volume", "burst", "exploitation", "exploit-available", "commodification");
    }

    @Test
    void aRiseAcrossSourcesMakesItEmergingWithTheRuleThatFired() {
        List<SignalPoint> points = new ArrayList<>();
        for (int d = 60; d < 120; d += 14) {
            points.add(new SignalPoint(AS_OF.minusDays(d), 1, 1, Set.of("s1")));
        }
        for (int d = 0; d < 5; d++) {
            points.add(new SignalPoint(
                    AS_OF.minusDays(d), 3, 3, Set.of("s1", "s2", "s3", "s" + (4 + d)), Map.of("commodification", 1L)));
        }
        StageReading reading = TRACKER.read("t", AS_OF, points, all());
        assertThat(reading.stage()).isEqualTo("emerging");
        assertThat(reading.since()).isEqualTo(AS_OF);
        assertThat(reading.rationale())
                .contains("growth")
                .contains("source-diversity")
                .contains("on " + AS_OF);
        assertThat(reading.indicators().get("commodification")).isEqualTo(5.0);
        assertThat(reading.indicators().get("dark-web-share")).isEqualTo(0.0);
    }
}
