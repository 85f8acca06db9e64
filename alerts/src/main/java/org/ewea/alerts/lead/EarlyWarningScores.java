package org.ewea.alerts.lead;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.AlertState;
import org.ewea.alerts.alert.Subject;
import org.ewea.methodology.Clearance;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.NameScorer;
import org.ewea.scoring.warning.NameWarningRates;
import org.ewea.scoring.warning.WarningModelFile;
import org.jspecify.annotations.Nullable;

/**
 * Every subject scored on a day, as a reader may see it: the technologies and entities the
 * {@link EarlyWarningScorer} reads from the signal series, and the names the novel-name rule warned of in the
 * {@value #OPEN_DAYS} days to the day and no analyst dismissed, scored by the {@link NameScorer} (their rule's measured
 * rate; known threats once MITRE ATT&CK lists them). What the scores API, the dashboard and the briefing read. All
 * calls block.
 */
public final class EarlyWarningScores {

    /** A warned name is scored, and open in the briefing, this many days from its warning. */
    public static final int OPEN_DAYS = 182;
    /** The alert kinds that name a new name: the novel-name rule's, and watched terms'. */
    static final Set<String> NAME_KINDS = Set.of("novel-term", "watch-term");

    /**
     * A name the rules warned of: its subject's first alert, with its entry in the record if the record ever took it
     * up.
     */
    public record NameAlert(Alert alert, LocalDate warnedOn, AuthoritativeRecord.@Nullable Entry entry) {

        /** Warned in the {@value #OPEN_DAYS} days to {@code day}, not dismissed, and not yet in the record. */
        public boolean openOn(LocalDate day) {
            return inWindow(day) && (entry == null || entry.since().isAfter(day));
        }

        boolean inWindow(LocalDate day) {
            return !warnedOn.isAfter(day)
                    && warnedOn.isAfter(day.minusDays(OPEN_DAYS))
                    && alert.state() != AlertState.DISMISSED;
        }
    }

    private final EarlyWarningScorer scorer;
    private final NameScorer names;
    private final ModelRegistry models;
    private final AlertRepository alerts;
    private final AuthoritativeRecord record;

    public EarlyWarningScores(
            EarlyWarningScorer scorer,
            NameScorer names,
            ModelRegistry models,
            AlertRepository alerts,
            AuthoritativeRecord record) {
        this.scorer = scorer;
        this.names = names;
        this.models = models;
        this.alerts = alerts;
        this.record = record;
    }

    /** The model the series are scored with. */
    public WarningModelFile model() {
        return models.current();
    }

    /** Every subject scored on {@code asOf} as {@code reader} may see it, best first. */
    public List<EarlyWarningScore> score(LocalDate asOf, Clearance reader) {
        return score(asOf, reader, nameAlerts(reader));
    }

    /** As {@link #score(LocalDate, Clearance)}, with the reader's name alerts read already ({@link #nameAlerts}). */
    public List<EarlyWarningScore> score(LocalDate asOf, Clearance reader, List<NameAlert> alerted) {
        List<NameScorer.WarnedName> warned = new ArrayList<>();
        for (NameAlert n : alerted) {
            Alert a = n.alert();
            if (!a.subject().kind().equals("novel-term") || !n.inWindow(asOf)) {
                continue;
            }
            Map<String, String> facts = a.facts();
            Set<String> dark = split(facts.get("darkWebSources"));
            AuthoritativeRecord.Entry entry = n.entry();
            warned.add(new NameScorer.WarnedName(
                    a.subject().id(),
                    a.subject().label(),
                    n.warnedOn(),
                    dark.isEmpty() ? NameWarningRates.OPEN_SOURCE : NameWarningRates.DARK_WEB,
                    dark,
                    entry == null ? null : entry.since(),
                    entry == null ? null : entry.record() + " " + entry.id() + " " + entry.name()));
        }
        List<EarlyWarningScore> named = names.readBy(reader).score(asOf, warned);
        Set<String> series = named.stream().map(EarlyWarningScore::series).collect(Collectors.toSet());
        List<EarlyWarningScore> all = new ArrayList<>(named);
        // a warned name an analyst also accepted is one subject: scored as a name
        scorer.readBy(reader).score(asOf, models.current()).stream()
                .filter(s -> !series.contains(s.series()))
                .forEach(all::add);
        all.sort(Comparator.comparingDouble(EarlyWarningScore::score)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(EarlyWarningScore::riskScore).reversed())
                .thenComparing(EarlyWarningScore::series));
        return all;
    }

    /** Every name alert a reader may read, its subject's first alert only. */
    public List<NameAlert> nameAlerts(Clearance reader) {
        Map<Subject, Alert> first = new LinkedHashMap<>();
        for (Alert a : alerts.all(reader)) {
            if (NAME_KINDS.contains(a.subject().kind())) {
                first.merge(a.subject(), a, (x, y) -> x.raisedAt().isAfter(y.raisedAt()) ? y : x);
            }
        }
        Map<String, AuthoritativeRecord.Entry> entries = record.of(first.keySet(), reader);
        List<NameAlert> found = new ArrayList<>();
        first.values()
                .forEach(a -> found.add(new NameAlert(
                        a,
                        LocalDate.ofInstant(a.raisedAt(), ZoneOffset.UTC),
                        entries.get(a.subject().id()))));
        return found;
    }

    private static Set<String> split(@Nullable String list) {
        return list == null || list.isBlank()
                ? Set.of()
                : Arrays.stream(list.split(",\\s*")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }
}
