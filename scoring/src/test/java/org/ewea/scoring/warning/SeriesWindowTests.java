package org.ewea.scoring.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalPoint;
import org.junit.jupiter.api.Test;

class SeriesWindowTests {

    private static final LocalDate AS_OF = LocalDate.parse("2026-02-28");

    private static SignalPoint point(int daysBefore, long count, String... sources) {
        return new SignalPoint(
                AS_OF.minusDays(daysBefore),
                count,
                count * 0.5,
                Set.of(sources),
                Map.of("exploitation", 1L),
                count - 1,
                Map.of("exploitation", 1L));
    }

    @Test
    void readsTheLastDaysOnlyUpToAsOf() {
        List<SignalPoint> points = List.of(
                point(0, 2, "a"),
                point(6, 1, "b"),
                point(7, 4, "a", "c"),
                point(34, 8, "d"),
                point(56, 100, "e"),
                point(-1, 50, "future"));
        List<SignalPoint> all = List.of(
                new SignalPoint(AS_OF, 10, 10, Set.of("a", "x")),
                new SignalPoint(AS_OF.minusDays(7), 20, 20, Set.of("y")),
                new SignalPoint(AS_OF.plusDays(1), 99, 99, Set.of("future")));
        SeriesWindow w = new SeriesWindow("s", AS_OF, points, all, null);

        assertThat(w.count(7)).isEqualTo(3);
        assertThat(w.count(28)).isEqualTo(7);
        assertThat(w.countBefore(7, 28)).as("days 7..34 before").isEqualTo(12);
        assertThat(w.weighted(7)).isCloseTo(1.5, within(1e-12));
        assertThat(w.sources(7)).isEqualTo(2);
        assertThat(w.sources(28)).isEqualTo(3);
        assertThat(w.allItems(7)).isEqualTo(10);
        assertThat(w.allSources(28)).isEqualTo(3);
        assertThat(w.cue("exploitation", 28)).isEqualTo(3);
        assertThat(w.focused(28)).isEqualTo(4);
        assertThat(w.focusedCue("exploitation", 7)).isEqualTo(2);
        assertThat(w.daysSinceLastMention()).isZero();
        assertThat(w.firstSeen())
                .as("the 56-days-old point is outside the window but still seen")
                .isEqualTo(AS_OF.minusDays(56));
        assertThat(w.burstDays(BurstDetector.defaults(), 7)).isBetween(0, 7);
    }

    @Test
    void aQuietSeriesSaysSo() {
        SeriesWindow w = new SeriesWindow("s", AS_OF, List.of(point(20, 1, "a")), List.of(), AS_OF.minusDays(90));
        assertThat(w.daysSinceLastMention()).isEqualTo(20);
        assertThat(w.firstSeen()).isEqualTo(AS_OF.minusDays(90));
        assertThat(new SeriesWindow("s", AS_OF, List.of(), List.of(), null).daysSinceLastMention())
                .isEqualTo(SeriesWindow.DAYS);
    }
}
