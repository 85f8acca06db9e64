package org.ewea.scoring.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalAnalysisTests {

    private final SignalAnalysis analysis = new SignalAnalysis(BurstDetector.defaults());
    private static final LocalDate START = LocalDate.parse("2026-01-05");

    private static List<SignalPoint> series(long... counts) {
        List<SignalPoint> points = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            points.add(
                    new SignalPoint(START.plusWeeks(i), counts[i], counts[i], counts[i] > 0 ? Set.of("s") : Set.of()));
        }
        return points;
    }

    @Test
    void growthIsCountOverTheMeanOfTheFourIntervalsBefore() {
        List<SignalReading> r = analysis.read(
                series(2, 4, 6, 8, 10, 0, 0, 0, 0, 3), series(100, 100, 100, 100, 100, 100, 100, 100, 100, 100), 4);
        assertThat(r).hasSize(10);
        assertThat(r.subList(0, 4)).allSatisfy(x -> {
            assertThat(x.baseline()).isNull();
            assertThat(x.growth()).isNull();
        });
        assertThat(r.get(4).baseline()).isCloseTo(5.0, within(1e-12));
        assertThat(r.get(4).growth()).isCloseTo(2.0, within(1e-12));
        assertThat(r.get(5).baseline()).isCloseTo(7.0, within(1e-12));
        assertThat(r.get(5).growth()).isCloseTo(0.0, within(1e-12));
        assertThat(r.get(9).baseline()).isZero();
        assertThat(r.get(9).growth()).as("no growth over a zero baseline").isNull();
        assertThat(r.get(3).allItems()).isEqualTo(100);
        assertThat(r.get(3).day()).isEqualTo(START.plusWeeks(3));
    }

    @Test
    void marksTheBurst() {
        long[] mentions = new long[40];
        long[] all = new long[40];
        for (int i = 0; i < 40; i++) {
            all[i] = 200;
            mentions[i] = i >= 30 && i < 35 ? 40 : 4;
        }
        List<SignalReading> r = analysis.read(series(mentions), series(all), 4);
        assertThat(r)
                .filteredOn(SignalReading::burst)
                .extracting(SignalReading::day)
                .containsExactly(
                        START.plusWeeks(30),
                        START.plusWeeks(31),
                        START.plusWeeks(32),
                        START.plusWeeks(33),
                        START.plusWeeks(34));
    }

    @Test
    void rejectsMisalignedSeries() {
        assertThatIllegalArgumentException().isThrownBy(() -> analysis.read(series(1, 2), series(5), 4));
        List<SignalPoint> shifted = series(5, 5).stream()
                .map(p -> new SignalPoint(p.day().plusDays(1), p.count(), p.weighted(), p.sourceIds()))
                .toList();
        assertThatIllegalArgumentException().isThrownBy(() -> analysis.read(series(1, 2), shifted, 4));
    }

    @Test
    void weeksStartOnMondayAndCountDistinctSourcesAcrossTheirDays() {
        LocalDate wednesday = LocalDate.parse("2026-01-07");
        List<SignalPoint> daily = List.of(
                new SignalPoint(wednesday, 2, 1.5, Set.of("a", "b")),
                new SignalPoint(wednesday.plusDays(1), 1, 1.0, Set.of("b")),
                new SignalPoint(wednesday.plusDays(2), 0, 0, Set.of()),
                new SignalPoint(wednesday.plusDays(3), 0, 0, Set.of()),
                new SignalPoint(wednesday.plusDays(4), 3, 0.75, Set.of("c")),
                new SignalPoint(wednesday.plusDays(5), 1, 1.0, Set.of("a")));
        List<SignalPoint> weeks = analysis.weekly(daily);
        assertThat(weeks)
                .extracting(SignalPoint::day)
                .containsExactly(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-12"));
        // Wednesday 7th to Sunday 11th, then Monday 12th
        assertThat(weeks.getFirst().count()).isEqualTo(6);
        assertThat(weeks.getFirst().weighted()).isCloseTo(3.25, within(1e-12));
        assertThat(weeks.getFirst().sourceIds()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(weeks.get(1).count()).isEqualTo(1);
        assertThat(weeks.get(1).sources()).isEqualTo(1);
    }
}
