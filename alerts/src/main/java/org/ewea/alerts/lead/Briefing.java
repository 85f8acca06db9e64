package org.ewea.alerts.lead;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The analyst's "this week" as of one day: early warnings first (subjects no authoritative record held on that
 * day), then what is rising, what is new, what changed stage, and, apart, the known threats. Every line says why in
 * plain words.
 *
 * @param asOf the day of the picture
 * @param weekFrom the first day of the week ending on {@code asOf} (new subjects and stage changes are of that week)
 * @param earlyWarnings subjects not yet authoritative on {@code asOf}: entities the scores read in the 28 days to it,
 *     and the names warned of in the {@value BriefingBuilder#OPEN_DAYS} days to it that are still open
 * @param rising taxonomy technologies whose volume grows clearly faster than the whole collection's, over their own
 *     recent weeks, from several sources
 * @param newThisWeek subjects first seen in the week (none in a store's first 28 days, when everything is new to it)
 * @param stageChanges subjects that entered their stage in the week
 * @param knownThreats subjects an authoritative record held on {@code asOf}
 * @param model the early-warning model the scores come from
 * @param methodologyVersion the methodology in force
 */
public record Briefing(
        LocalDate asOf,
        LocalDate weekFrom,
        List<Line> earlyWarnings,
        List<Line> rising,
        List<Line> newThisWeek,
        List<Line> stageChanges,
        List<Line> knownThreats,
        String model,
        String methodologyVersion) {

    public Briefing {
        earlyWarnings = List.copyOf(earlyWarnings);
        rising = List.copyOf(rising);
        newThisWeek = List.copyOf(newThisWeek);
        stageChanges = List.copyOf(stageChanges);
        knownThreats = List.copyOf(knownThreats);
    }

    /**
     * One line.
     *
     * @param kind technology, cve, attack-group, attack-software, term or novel-term
     * @param id the subject's id (a series id, or a novel name's key)
     * @param label its name
     * @param reason why it is on this list, in plain words
     * @param evidence items behind it (in the 28 days to the day for scored subjects; for a name, those its warning
     *     counted)
     * @param sources distinct sources among them
     * @param firstSeen the first day any item mentioned it
     * @param stage its stage, when scored
     * @param priority its priority (P1-P4), when scored
     * @param score the early-warning score (0-1), when scored; machine-derived by {@code model}
     * @param alertId the alert that warned of it, if any
     * @param authoritative its entry in the authoritative record when the record held it on the day (known threats)
     *     or came to hold it later (an early warning confirmed after the day, with its lead)
     * @param leadDays for an early warning the record confirmed later: days from the first warning (or first
     *     mention) to the record's entry
     */
    public record Line(
            String kind,
            String id,
            String label,
            String reason,
            long evidence,
            int sources,
            @Nullable LocalDate firstSeen,
            @Nullable String stage,
            @Nullable String priority,
            @Nullable Double score,
            @Nullable String alertId,
            AuthoritativeRecord.@Nullable Entry authoritative,
            @Nullable Long leadDays) {}
}
