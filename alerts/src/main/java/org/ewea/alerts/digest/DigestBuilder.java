package org.ewea.alerts.digest;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.action.ActionStatus;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.alerts.alert.Alert;
import org.ewea.alerts.alert.AlertRepository;
import org.ewea.alerts.alert.MachineProvenance;
import org.ewea.alerts.engine.AlertInputs;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.harvest.SourceHealth;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.ItemId;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.warning.CountedMarkings;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.EarlyWarningScorer;
import org.ewea.scoring.warning.ModelRegistry;
import org.ewea.scoring.warning.ScoreEvidence;
import org.ewea.scoring.warning.WarningModelFile;

/**
 * Gathers what a digest says for a period, from the same scores, alerts, actions and source health the service
 * shows, every line marked with the most restrictive TLP of the items behind it. The analyst digest has top movers,
 * stage transitions, newcomers, alerts, source health and the trend chart; the policy brief priorities, alerts
 * and the policy early actions; the trainer pack alerts with their evidence items, newcomers and the training
 * actions. Blocks.
 */
public final class DigestBuilder {

    public static final Set<String> AUDIENCES = Set.of("analyst", "policy", "trainer");
    static final int TOP = 10;
    static final int TRENDS = 5;
    static final int WEEKS = 8;
    private static final Set<String> NEW_KINDS = Set.of("technology", "attack-group", "attack-software", "term");

    private final EarlyWarningScorer scorer;
    private final ModelRegistry models;
    private final SignalRepository signals;
    private final ScoreEvidence evidence;
    private final CountedMarkings counted;
    private final AlertRepository alerts;
    private final ActionRepository actions;
    private final ItemRepository items;
    private final Supplier<AlertInputs.Sources> sources;
    private final Methodology methodology;
    private final InstantSource clock;

    public DigestBuilder(
            EarlyWarningScorer scorer,
            ModelRegistry models,
            SignalRepository signals,
            ScoreEvidence evidence,
            CountedMarkings counted,
            AlertRepository alerts,
            ActionRepository actions,
            ItemRepository items,
            Supplier<AlertInputs.Sources> sources,
            Methodology methodology,
            InstantSource clock) {
        this.scorer = scorer;
        this.models = models;
        this.signals = signals;
        this.evidence = evidence;
        this.counted = counted;
        this.alerts = alerts;
        this.actions = actions;
        this.items = items;
        this.sources = sources;
        this.methodology = methodology;
        this.clock = clock;
    }

    /** A digest's period, both days included. */
    public record Period(LocalDate from, LocalDate to) {}

    /** The week ending on the picture day (today, or the last day with items when that is earlier). */
    public Period lastWeek() {
        LocalDate to = signals.pictureDay(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return new Period(to.minusDays(6), to);
    }

    public DigestContent build(String audience, LocalDate from, LocalDate to, String createdBy) {
        if (!AUDIENCES.contains(audience)) {
            throw new IllegalArgumentException("audience must be analyst, policy or trainer");
        }
        WarningModelFile model = models.current();
        List<EarlyWarningScore> scores = scorer.score(to, model);
        Map<String, List<SignalPoint>> history =
                signals.active(to.minusWeeks(WEEKS).plusDays(1), to);
        // movers: subjects no record holds yet, and technologies whether authorities warned of them or not (a known
        // technology still rises and falls), ranked by the model's own reading (a known threat's score is 1)
        List<EarlyWarningScore> movers = scores.stream()
                .filter(s -> s.authoritativeSince() == null || s.kind().equals("technology"))
                .sorted(Comparator.comparingDouble(
                                (EarlyWarningScore s) -> s.explanation().modelScore())
                        .reversed()
                        .thenComparing(EarlyWarningScore::series))
                .limit(TOP)
                .toList();
        List<EarlyWarningScore> transitions = scores.stream()
                .filter(s ->
                        !s.stage().since().isBefore(from) && !s.stage().stage().equals("weak-signal"))
                .limit(TOP)
                .toList();
        List<EarlyWarningScore> newcomers = scores.stream()
                .filter(s -> NEW_KINDS.contains(s.kind())
                        && s.firstSeen() != null
                        && !s.firstSeen().isBefore(from))
                .limit(TOP)
                .toList();
        List<EarlyWarningScore> priorities = scores.stream()
                .sorted(Comparator.comparingDouble(EarlyWarningScore::riskScore)
                        .reversed()
                        .thenComparing(EarlyWarningScore::series))
                .limit(TOP)
                .toList();
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        // an alert belongs to the period when the signals it read are of a day in it, or when it was raised or
        // changed in it (on a replay the two differ)
        List<Alert> period = alerts.all(Clearance.FULL).stream()
                .filter(a -> !a.asOf().isBefore(from) && !a.asOf().isAfter(to)
                        || !a.updatedAt().isBefore(start) && a.updatedAt().isBefore(end)
                        || !a.raisedAt().isBefore(start) && a.raisedAt().isBefore(end))
                .sorted(Comparator.comparing(Alert::raisedAt).reversed())
                .toList();
        boolean analyst = audience.equals("analyst");
        boolean policy = audience.equals("policy");
        boolean trainer = audience.equals("trainer");
        return new DigestContent(
                audience,
                from,
                to,
                clock.instant(),
                createdBy,
                methodology.versionId(),
                model.id(),
                analyst ? entries(movers, history, to) : List.of(),
                analyst ? entries(transitions, history, to) : List.of(),
                analyst || trainer ? entries(newcomers, history, to) : List.of(),
                policy ? entries(priorities, history, to) : List.of(),
                period.stream()
                        .filter(a -> !policy || a.priority() != null)
                        .limit(50)
                        .map(DigestBuilder::line)
                        .toList(),
                analyst ? List.of() : actionLines(policy ? "policy" : "training"),
                analyst ? sourceLines() : List.of(),
                analyst ? trends(movers, history, from, to) : List.of(),
                trainer ? evidenceLines(period) : List.of());
    }

    private List<DigestContent.Entry> entries(
            List<EarlyWarningScore> scores, Map<String, List<SignalPoint>> history, LocalDate to) {
        List<DigestContent.Entry> entries = new ArrayList<>();
        for (EarlyWarningScore s : scores) {
            Mark mark = mark(s);
            List<Long> weekly = new ArrayList<>();
            for (int w = WEEKS - 1; w >= 0; w--) {
                LocalDate last = to.minusWeeks(w);
                LocalDate first = last.minusDays(6);
                weekly.add(history.getOrDefault(s.series(), List.of()).stream()
                        .filter(p -> !p.day().isBefore(first) && !p.day().isAfter(last))
                        .mapToLong(SignalPoint::count)
                        .sum());
            }
            entries.add(new DigestContent.Entry(
                    s.kind(),
                    s.series(),
                    s.label(),
                    s.score(),
                    s.stage().stage(),
                    s.stage().since(),
                    s.stage().rationale(),
                    s.priority(),
                    s.priorityLabel(),
                    s.evidenceCount(),
                    s.firstSeen(),
                    s.authoritativeSince(),
                    s.explanation().summary(),
                    weekly,
                    mark.tlp(),
                    mark.handling()));
        }
        return entries;
    }

    /** The most restrictive marking and handling code of a subject's newest evidence. */
    private record Mark(Tlp tlp, Handling handling) {}

    /**
     * A line quoting a subject's counts is marked with the most restrictive marking and handling code of every item
     * counted in them (every day the score and stage read), not only of the evidence it cites: a reader who may not read one
     * of those items does not see the line, so no count tells them of restricted material.
     */
    private Mark mark(EarlyWarningScore s) {
        SignalRepository.Marking m = counted.mostRestrictive(s, evidence.newest(s, 5, Clearance.FULL));
        return new Mark(m.tlp(), m.handling());
    }

    private List<DigestContent.Trend> trends(
            List<EarlyWarningScore> movers, Map<String, List<SignalPoint>> history, LocalDate from, LocalDate to) {
        LocalDate first = from.minusDays(21);
        int days = (int) ChronoUnit.DAYS.between(first, to) + 1;
        List<DigestContent.Trend> trends = new ArrayList<>();
        for (EarlyWarningScore s : movers.subList(0, Math.min(TRENDS, movers.size()))) {
            long[] daily = new long[days];
            for (SignalPoint p : history.getOrDefault(s.series(), List.of())) {
                int index = (int) ChronoUnit.DAYS.between(first, p.day());
                if (index >= 0 && index < days) {
                    daily[index] = p.count();
                }
            }
            Mark mark = mark(s);
            trends.add(new DigestContent.Trend(
                    s.label(), first, Arrays.stream(daily).boxed().toList(), mark.tlp(), mark.handling()));
        }
        return trends;
    }

    private static DigestContent.AlertLine line(Alert a) {
        return new DigestContent.AlertLine(
                a.id(),
                a.title(),
                a.state().name(),
                a.priority(),
                a.ruleName(),
                a.raisedAt(),
                a.summary(),
                a.tlp(),
                a.handling(),
                MachineProvenance.of(a).reviewLevel());
    }

    private List<DigestContent.ActionLine> actionLines(String audience) {
        List<DigestContent.ActionLine> lines = new ArrayList<>();
        for (ActionStatus status : List.of(ActionStatus.OPEN, ActionStatus.IN_PROGRESS)) {
            for (EarlyAction a : actions.page(
                    new ActionRepository.Query(status, audience, null, null, Clearance.FULL), 0, TOP * 3)) {
                lines.add(new DigestContent.ActionLine(
                        a.title(),
                        a.audience(),
                        a.owner(),
                        a.status().name(),
                        a.due(),
                        a.alertTitle(),
                        a.text(),
                        a.tlp(),
                        a.handling()));
            }
        }
        return lines;
    }

    private List<DigestContent.SourceLine> sourceLines() {
        AlertInputs.Sources state = sources.get();
        List<DigestContent.SourceLine> lines = new ArrayList<>();
        for (SourceHealth h : state.health()) {
            lines.add(new DigestContent.SourceLine(
                    h.sourceId(),
                    state.titles().getOrDefault(h.sourceId(), h.sourceId()),
                    h.status().name(),
                    h.explanation()));
        }
        return lines;
    }

    private List<DigestContent.ItemLine> evidenceLines(List<Alert> period) {
        List<DigestContent.ItemLine> lines = new ArrayList<>();
        for (Alert a : period) {
            for (String id : a.evidence()) {
                if (lines.size() >= 50) {
                    return lines;
                }
                items.findAnnotated(new ItemId(id))
                        .map(AnnotatedItem::item)
                        .ifPresent(i -> lines.add(new DigestContent.ItemLine(
                                i.title(),
                                i.sourceId().value(),
                                i.published(),
                                i.grading().code(),
                                i.canonicalUrl(),
                                a.title(),
                                i.tlp(),
                                i.handling())));
            }
        }
        return lines;
    }
}
