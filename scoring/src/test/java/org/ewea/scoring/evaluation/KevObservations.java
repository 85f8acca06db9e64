package org.ewea.scoring.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ewea.scoring.warning.AuthoritativeDates;

/**
 * What every CVE warning rule read on every replay day, kept so that each rule can be measured afterwards at any
 * threshold and on any part of the replay: the whole of it, its first two thirds (where choices are made, with the
 * labels known on the last day of that part only) and its last third (where the choice is reported).
 */
final class KevObservations {

    private record Seen(String series, LocalDate day, double value) {}

    private final Map<String, List<Seen>> byRule = new LinkedHashMap<>();
    private final List<Seen> mentions = new ArrayList<>();

    /** A CVE candidate of the day (mentioned in the 28 days to it). */
    void mentioned(String series, LocalDate day) {
        mentions.add(new Seen(series, day, 1));
    }

    /** What {@code rule} read for the CVE on the day: a probability, or 1/0 for a rule that fires or not. */
    void observe(String rule, String series, LocalDate day, double value) {
        byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(new Seen(series, day, value));
    }

    boolean has(String rule) {
        return byRule.containsKey(rule);
    }

    /**
     * The rule's figures when it warns at {@code value >= threshold}, over the days from {@code from} to {@code to},
     * against {@code truth} (the catalogue, or what of it was known on some day).
     */
    KevLeadEvaluation.Result result(
            String rule, String label, double threshold, LocalDate from, LocalDate to, AuthoritativeDates truth) {
        KevLeadEvaluation e = new KevLeadEvaluation(label, truth);
        for (Seen m : mentions) {
            if (!m.day().isBefore(from) && !m.day().isAfter(to)) {
                e.mentioned(m.series(), m.day());
            }
        }
        List<Seen> seen = new ArrayList<>(byRule.getOrDefault(rule, List.of()));
        seen.sort(Comparator.comparing(Seen::day));
        for (Seen s : seen) {
            if (!s.day().isBefore(from) && !s.day().isAfter(to)) {
                e.observe(s.series(), s.day(), s.value() >= threshold);
            }
        }
        return e.result();
    }
}
