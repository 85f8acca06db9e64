package org.ewea.scoring.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.AuthoritativeDates;

/**
 * Evaluation section 1: warnings about CVEs against CISA KEV. Fed day by day during a replay: for every CVE not in
 * KEV at the end of the day (by the dates known that day), {@link #observe} records whether a warning rule fires;
 * the first day it fires is the CVE's warning. {@link #result} compares the warnings with KEV dateAdded.
 */
final class KevLeadEvaluation {

    /** A warning rule's measured figures. */
    record Result(
            String rule,
            int warned,
            int warnedLaterAdded,
            int mentionedBeforeAdded,
            int warnedBeforeAdded,
            Map<String, Long> leads,
            double weeks,
            Map<String, LocalDate> warnings) {

        List<Long> leadDays() {
            return List.copyOf(leads.values());
        }

        double precision() {
            return warned == 0 ? 0 : (double) warnedLaterAdded / warned;
        }

        double recall() {
            return mentionedBeforeAdded == 0 ? 0 : (double) warnedBeforeAdded / mentionedBeforeAdded;
        }

        double perWeek() {
            return warned / weeks;
        }

        Optional<Double> medianLead() {
            if (leads.isEmpty()) {
                return Optional.empty();
            }
            List<Long> sorted = leads.values().stream().sorted().toList();
            int n = sorted.size();
            return Optional.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
        }
    }

    private final String rule;
    private final AuthoritativeDates kev;
    private final Map<String, LocalDate> warnings = new TreeMap<>();
    private final Map<String, LocalDate> firstMention = new TreeMap<>();
    private LocalDate firstDay;
    private LocalDate lastDay;

    KevLeadEvaluation(String rule, AuthoritativeDates kev) {
        this.rule = rule;
        this.kev = kev;
    }

    /** Whether a CVE series is still a candidate on {@code day}: not in KEV by the end of it. */
    boolean candidate(String series, LocalDate day) {
        return kev.of(series).filter(added -> !added.isAfter(day)).isEmpty();
    }

    /** A CVE mentioned on or before {@code day} (the first call per CVE counts). */
    void mentioned(String series, LocalDate day) {
        firstMention.merge(series, day, (a, b) -> a.isBefore(b) ? a : b);
        track(day);
    }

    void observe(String series, LocalDate day, boolean warn) {
        track(day);
        if (warn && candidate(series, day)) {
            warnings.putIfAbsent(series, day);
        }
    }

    private void track(LocalDate day) {
        firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
        lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
    }

    Result result() {
        int laterAdded = 0;
        int before = 0;
        Map<String, Long> leads = new TreeMap<>();
        for (var w : warnings.entrySet()) {
            Optional<LocalDate> added = kev.of(w.getKey());
            if (added.isPresent() && added.get().isAfter(w.getValue())) {
                laterAdded++;
                before++;
                leads.put(w.getKey(), ChronoUnit.DAYS.between(w.getValue(), added.get()));
            }
        }
        int mentionedBefore = (int) firstMention.entrySet().stream()
                .filter(m -> kev.of(m.getKey())
                        .filter(added -> added.isAfter(m.getValue()))
                        .isPresent())
                .count();
        double weeks = firstDay == null ? 1 : (ChronoUnit.DAYS.between(firstDay, lastDay) + 1) / 7.0;
        return new Result(
                rule, warnings.size(), laterAdded, mentionedBefore, before, leads, weeks, Map.copyOf(warnings));
    }

    static boolean isCve(String series) {
        return series.startsWith(SignalRepository.entitySeries("cve", ""));
    }
}
