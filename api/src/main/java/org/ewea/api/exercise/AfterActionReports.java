package org.ewea.api.exercise;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ewea.alerts.action.ActionRepository;
import org.ewea.alerts.action.EarlyAction;
import org.ewea.alerts.alert.Alert;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.ItemId;

/** Builds an exercise's after-action report from its database, for one reader's clearance. Blocks. */
final class AfterActionReports {

    private static final int EVIDENCE_LIMIT = 5_000;

    private AfterActionReports() {}

    static AfterActionReport build(Exercise exercise, ExerciseRunner.Loaded loaded, Clearance reader, Instant made) {
        ExerciseDefinition d = exercise.definition();
        List<Alert> all = loaded.pipeline().alerts().all(Clearance.FULL).stream()
                .sorted(Comparator.comparing(Alert::raisedAt).thenComparing(Alert::id))
                .toList();
        List<Alert> alerts =
                all.stream().filter(a -> reader.permits(a.tlp(), a.handling())).toList();
        int withheld = all.size() - alerts.size();
        Set<String> visible = new LinkedHashSet<>(alerts.stream().map(Alert::id).toList());
        List<Decision> decisions = loaded.records().decisions().stream()
                .filter(x -> x.alertId() == null || visible.contains(x.alertId()))
                .toList();
        Map<String, Alert> byId = new LinkedHashMap<>();
        alerts.forEach(a -> byId.put(a.id(), a));

        Map<String, List<AnnotatedItem>> citations = new HashMap<>();
        List<AfterActionReport.Threat> threats = new ArrayList<>();
        Set<String> aboutTruth = new LinkedHashSet<>();
        for (ExerciseDefinition.GroundTruth truth : d.groundTruth()) {
            Instant authoritative =
                    truth.authoritative().atStartOfDay(ZoneOffset.UTC).toInstant();
            List<Alert> about = alerts.stream()
                    .filter(a -> about(a, truth) || cites(cited(loaded, a, citations), truth))
                    .toList();
            about.forEach(a -> aboutTruth.add(a.id()));
            List<AnnotatedItem> evidence = evidence(loaded, truth, d.start(), d.end(), reader);
            Instant firstEvidence = evidence.stream()
                    .map(i -> i.item().effectiveTime())
                    .min(Instant::compareTo)
                    .orElse(null);
            long before = evidence.stream()
                    .filter(i -> i.item().effectiveTime().isBefore(authoritative))
                    .count();
            Alert first = about.isEmpty() ? null : about.getFirst();
            Set<String> ids = new LinkedHashSet<>(about.stream().map(Alert::id).toList());
            Map<String, AfterActionReport.Response> responses = new LinkedHashMap<>();
            for (Decision decision : decisions) {
                if (decision.alertId() != null
                        && ids.contains(decision.alertId())
                        && !responses.containsKey(decision.team())) {
                    boolean dismissed = "DISMISSED".equals(decision.to());
                    responses.put(
                            decision.team(),
                            new AfterActionReport.Response(
                                    decision.at(),
                                    decision.user(),
                                    describe(decision),
                                    Duration.between(decision.at(), authoritative),
                                    dismissed));
                }
            }
            boolean missed = before > 0 && (first == null || !first.raisedAt().isBefore(authoritative));
            threats.add(new AfterActionReport.Threat(
                    truth.kind(),
                    truth.id(),
                    truth.label() == null ? truth.id() : truth.label(),
                    authoritative,
                    truth.reference(),
                    firstEvidence,
                    before,
                    first == null ? null : first.raisedAt(),
                    first == null ? null : first.title(),
                    first == null ? null : Duration.between(first.raisedAt(), authoritative),
                    responses,
                    missed));
        }

        List<AfterActionReport.FalseAlarm> falseAlarms = new ArrayList<>();
        for (Alert alert : alerts) {
            if (aboutTruth.contains(alert.id()) || alert.subject().kind().equals("source")) {
                continue;
            }
            Map<String, String> verdicts = new LinkedHashMap<>();
            for (Decision decision : decisions) {
                if (alert.id().equals(decision.alertId()) && decision.to() != null) {
                    verdicts.put(decision.team(), decision.to());
                }
            }
            falseAlarms.add(new AfterActionReport.FalseAlarm(
                    alert.id(),
                    alert.title(),
                    alert.subject().label() + " (" + alert.subject().kind() + ")",
                    alert.raisedAt(),
                    verdicts));
        }

        List<AfterActionReport.ActionChoice> choices = new ArrayList<>();
        for (Decision decision : decisions) {
            if (decision.type().equals("actions") && decision.alertId() != null) {
                List<String> recommended = loaded
                        .pipeline()
                        .actions()
                        .page(new ActionRepository.Query(null, null, decision.alertId(), null, Clearance.FULL), 0, 200)
                        .stream()
                        .map(EarlyAction::recommendationId)
                        .distinct()
                        .toList();
                choices.add(new AfterActionReport.ActionChoice(
                        decision.team(),
                        byId.get(decision.alertId()).title(),
                        decision.actions(),
                        recommended,
                        decision.at()));
            }
        }

        Map<String, ExerciseRecords.Question> questions = new LinkedHashMap<>();
        loaded.records().questions().forEach(q -> questions.put(q.id(), q));
        List<AfterActionReport.Answer> answers = new ArrayList<>();
        for (Decision decision : decisions) {
            ExerciseRecords.Question q = decision.questionId() == null ? null : questions.get(decision.questionId());
            if (decision.type().equals("answer") && q != null) {
                answers.add(new AfterActionReport.Answer(
                        q.title(),
                        q.at(),
                        decision.team(),
                        decision.user(),
                        decision.at(),
                        decision.text() == null ? "" : decision.text()));
            }
        }

        List<AfterActionReport.TeamLine> teams = new ArrayList<>();
        for (ExerciseDefinition.Team team : d.teams()) {
            List<AfterActionReport.Response> own = threats.stream()
                    .map(t -> t.responses().get(team.id()))
                    .filter(Objects::nonNull)
                    .toList();
            long early = own.stream()
                    .filter(r -> !r.dismissed() && r.lead().compareTo(Duration.ZERO) > 0)
                    .count();
            List<Duration> leads = own.stream()
                    .filter(r -> !r.dismissed())
                    .map(AfterActionReport.Response::lead)
                    .sorted()
                    .toList();
            Duration median = leads.isEmpty() ? null : leads.get(leads.size() / 2);
            long dismissedReal =
                    own.stream().filter(AfterActionReport.Response::dismissed).count();
            long falseDismissed = falseAlarms.stream()
                    .filter(f -> "DISMISSED".equals(f.verdicts().get(team.id())))
                    .count();
            long falseActioned = falseAlarms.stream()
                    .filter(f -> "ACTIONED".equals(f.verdicts().get(team.id())))
                    .count();
            List<AfterActionReport.ActionChoice> theirs =
                    choices.stream().filter(c -> c.team().equals(team.id())).toList();
            long chosen = theirs.stream().mapToLong(c -> c.chosen().size()).sum();
            long recommended = theirs.stream()
                    .mapToLong(c -> c.chosen().stream()
                            .filter(c.recommended()::contains)
                            .count())
                    .sum();
            teams.add(new AfterActionReport.TeamLine(
                    team.id(),
                    team.name() == null ? team.id() : team.name(),
                    team.participants() == null ? List.of() : team.participants(),
                    decisions.stream().filter(x -> x.team().equals(team.id())).count(),
                    early,
                    threats.size(),
                    median,
                    dismissedReal,
                    falseDismissed,
                    falseActioned,
                    chosen,
                    recommended,
                    answers.stream().filter(a -> a.team().equals(team.id())).count()));
        }
        return new AfterActionReport(
                exercise.id(),
                d.name(),
                d.start(),
                d.end(),
                exercise.processedUpTo(),
                exercise.clock().state().name(),
                made,
                threats,
                teams,
                falseAlarms,
                choices,
                answers,
                withheld);
    }

    private static String describe(Decision decision) {
        return switch (decision.type()) {
            case "transition" -> String.valueOf(decision.to());
            case "actions" -> "early actions chosen";
            case "assessment" -> "assessment written";
            default -> decision.type();
        };
    }

    /** Whether an alert is about a ground-truth threat. */
    static boolean about(Alert alert, ExerciseDefinition.GroundTruth truth) {
        String kind = alert.subject().kind();
        String id = alert.subject().id();
        String label = alert.subject().label();
        String wanted = truth.id().toLowerCase(Locale.ROOT);
        boolean named = id.toLowerCase(Locale.ROOT).equals(wanted)
                || label.toLowerCase(Locale.ROOT).equals(wanted)
                || truth.label() != null && label.equalsIgnoreCase(truth.label());
        return switch (truth.kind()) {
            case "cve" -> kind.equals("cve") && named || kind.equals("watch-term") && named;
            case "technology" -> kind.equals("technology") && id.equals(truth.id());
            case "actor" -> (kind.equals("attack-group") || kind.equals("term") || kind.equals("watch-term")) && named;
            case "tool" ->
                (kind.equals("attack-software") || kind.equals("term") || kind.equals("watch-term")) && named;
            default -> (kind.equals("term") || kind.equals("watch-term")) && named;
        };
    }

    private static List<AnnotatedItem> cited(
            ExerciseRunner.Loaded loaded, Alert alert, Map<String, List<AnnotatedItem>> cache) {
        return cache.computeIfAbsent(
                alert.id(),
                id -> loaded.pipeline()
                        .items()
                        .findAnnotated(
                                alert.evidence().stream().map(ItemId::new).toList(), Clearance.FULL));
    }

    /** Whether an alert's evidence is about the threat: the warning cited an item naming it. */
    static boolean cites(List<AnnotatedItem> evidence, ExerciseDefinition.GroundTruth truth) {
        String wanted = truth.id().toLowerCase(Locale.ROOT);
        return evidence.stream().anyMatch(i -> switch (truth.kind()) {
            case "cve" ->
                i.annotations().entities().stream()
                        .anyMatch(e -> e.type().equals("cve") && e.value().equalsIgnoreCase(truth.id()));
            case "technology" ->
                i.annotations().tags().stream().anyMatch(t -> t.technology().equals(truth.id()));
            default ->
                (i.item().title() + " " + i.item().text())
                        .toLowerCase(Locale.ROOT)
                        .contains(wanted);
        });
    }

    private static List<AnnotatedItem> evidence(
            ExerciseRunner.Loaded loaded,
            ExerciseDefinition.GroundTruth truth,
            Instant from,
            Instant to,
            Clearance reader) {
        Instant until = to.plusSeconds(1);
        var items = loaded.pipeline().items();
        return switch (truth.kind()) {
            case "cve" ->
                items.mentioning("cve", truth.id().toUpperCase(Locale.ROOT), from, until, EVIDENCE_LIMIT, reader);
            case "technology" -> items.taggedWith(truth.id(), from, until, EVIDENCE_LIMIT, reader);
            default ->
                items.containing(
                        truth.label() == null ? truth.id() : truth.label(), from, until, EVIDENCE_LIMIT, reader);
        };
    }
}
