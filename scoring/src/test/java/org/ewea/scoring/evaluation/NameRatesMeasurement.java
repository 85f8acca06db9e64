package org.ewea.scoring.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.ewea.scoring.warning.NameWarningRates;

/**
 * The novel-name rule's hit rates as the service ships them ({@link NameWarningRates}), measured on the first two
 * thirds of each replay only: the dark-web part on ransomchats (names warned of, and of those the ones ATT&CK created
 * an entry for after the warning, bulk-load dates not counted), the open-source part on the s33r news replay at the
 * actor-noun threshold chosen there. A warning counts only when the record could still take it up: warned before the
 * snapshot's newest entry (a name warned after the snapshot was made cannot be confirmed by it, and counting it as
 * unconfirmed would bias the rate to zero).
 */
final class NameRatesMeasurement {

    static final String ID = "name-rates-ransomchats-s33r";

    private NameRatesMeasurement() {}

    static NameWarningRates measure(
            ActorLeadEvaluation.Result actors, NewsNameEvaluation.Choice news, AttackEntries attack) {
        LocalDate last = attack.lastCreated();
        List<ActorLeadEvaluation.Row> dark = actors.part(false);
        List<ActorLeadEvaluation.Row> darkMeasurable =
                dark.stream().filter(r -> r.warning().warned().isBefore(last)).toList();
        int darkConfirmed = (int)
                darkMeasurable.stream().filter(ActorLeadEvaluation.Row::ahead).count();
        NewsNameEvaluation.Part open = news.parts(news.chosen()).get(1);
        List<NewsNameEvaluation.Warned> openMeasurable =
                open.warned().stream().filter(w -> w.warned().isBefore(last)).toList();
        int openConfirmed = (int) openMeasurable.stream()
                .filter(w -> attack.find(w.label())
                        .filter(e -> !e.censored() && e.created().isAfter(w.warned()))
                        .isPresent())
                .count();
        return new NameWarningRates(
                ID,
                "MITRE ATT&CK",
                last,
                List.of(
                        new NameWarningRates.Rate(
                                NameWarningRates.DARK_WEB,
                                "the ransomchats replay's first two thirds (" + actors.start() + " to "
                                        + actors.cut().minusDays(1) + ")",
                                dark.size(),
                                darkMeasurable.size(),
                                darkConfirmed),
                        new NameWarningRates.Rate(
                                NameWarningRates.OPEN_SOURCE,
                                "the s33r news replay's first two thirds (" + open.from() + " to " + open.to() + ")",
                                open.warned().size(),
                                openMeasurable.size(),
                                openConfirmed)));
    }
}
