package org.ewea.alerts.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ewea.alerts.alert.Subject;
import org.ewea.alerts.alert.Trigger;
import org.ewea.alerts.rule.AlertRule;
import org.ewea.collectors.enrich.AnnotatedItem;
import org.ewea.collectors.harvest.SourceHealth;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.AdmiraltyGrade;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.Handling;
import org.ewea.methodology.Tlp;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.risk.Priority;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.Candidate;
import org.ewea.scoring.warning.CountedMarkings;
import org.ewea.scoring.warning.EarlyWarningScore;
import org.ewea.scoring.warning.ScoreEvidence;
import org.jspecify.annotations.Nullable;

/**
 * Finds what each rule alerts on in one evaluation's inputs. Each trigger cites the newest items behind it (read
 * with full clearance) and is marked with the most restrictive TLP and handling code of every item it rests on: for
 * a score, stage, priority or emergence, every item counted in the days the score read; for a watched or novel
 * term, every item found that mentions it. So an alert, its counts and its very existence reach only readers cleared
 * for all of that (rules run with the service's full picture). Blocks (reads evidence items and signal markings).
 */
public final class AlertEvaluator {

    static final int EVIDENCE = 5;
    static final int TERM_ITEMS = 50;
    /** How many items a novel term's alert reads to find its marking. */
    static final int TERM_MARKING_ITEMS = 1_000;

    private final Methodology methodology;
    private final ScoreEvidence evidence;
    private final ItemRepository items;
    private final CountedMarkings counted;

    /** @param counted the markings of every item a score counted, which a score's alert is marked with at least */
    public AlertEvaluator(
            Methodology methodology, ScoreEvidence evidence, ItemRepository items, CountedMarkings counted) {
        this.methodology = methodology;
        this.evidence = evidence;
        this.items = items;
        this.counted = counted;
    }

    /** The triggers of every enabled rule, in rule order then score order. */
    public List<Trigger> evaluate(List<AlertRule> rules, AlertInputs inputs) {
        List<Trigger> triggers = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (rule.isEnabled()) {
                triggers.addAll(evaluate(rule, inputs));
            }
        }
        return triggers;
    }

    List<Trigger> evaluate(AlertRule rule, AlertInputs in) {
        List<Trigger> found = new ArrayList<>();
        LocalDate since = in.asOf().minusDays(rule.days() - 1L);
        switch (rule.type()) {
            case STAGE_TRANSITION ->
                eligible(rule, in)
                        .filter(s -> rule.stages().contains(s.stage().stage())
                                && !s.stage().since().isBefore(since))
                        .forEach(s -> found.add(trigger(
                                rule,
                                s,
                                String.format(
                                        Locale.ROOT,
                                        "%s entered the %s stage",
                                        s.label(),
                                        stageName(s.stage().stage())),
                                s.stage().rationale())));
            case SCORE ->
                eligible(rule, in)
                        .filter(s -> s.score() >= rule.minScore())
                        .filter(s -> switch (rule.authoritativeMode()) {
                            case "exclude" -> s.authoritativeSince() == null;
                            case "only" ->
                                s.authoritativeSince() != null
                                        && !s.authoritativeSince().isBefore(since);
                            default -> true;
                        })
                        .forEach(s -> found.add(trigger(
                                rule,
                                s,
                                s.authoritativeSince() != null
                                        ? String.format(
                                                Locale.ROOT,
                                                "%s reported by an authoritative source on %s",
                                                s.label(),
                                                s.authoritativeSince())
                                        : String.format(
                                                Locale.ROOT,
                                                "%s: early-warning score %.0f%%",
                                                s.label(),
                                                100 * s.score()),
                                s.explanation().summary())));
            case PRIORITY -> {
                int max = rank(rule.maxPriority());
                eligible(rule, in)
                        .filter(s -> rank(s.priority()) <= max)
                        .forEach(s -> found.add(trigger(
                                rule,
                                s,
                                String.format(
                                        Locale.ROOT,
                                        "%s: priority %s (%s)",
                                        s.label(),
                                        s.priority(),
                                        s.priorityLabel()),
                                s.explanation().risk())));
            }
            case EMERGENCE ->
                eligible(rule, in)
                        .filter(s -> s.firstSeen() != null && !s.firstSeen().isBefore(since))
                        .forEach(s -> found.add(trigger(
                                rule,
                                s,
                                String.format(Locale.ROOT, "New %s: %s", kindWords(s.kind()), s.label()),
                                String.format(
                                        Locale.ROOT,
                                        "First seen %s; %d item(s) in the last 28 days. %s",
                                        s.firstSeen(),
                                        s.evidenceCount(),
                                        s.explanation().summary()))));
            case EXPLOITATION_REPORT ->
                eligible(rule, in)
                        .filter(s -> s.authoritativeSince() == null
                                && s.explanation().features().getOrDefault("exploitation-share", 0.0) > 0)
                        .forEach(s -> found.add(trigger(
                                rule,
                                s,
                                String.format(
                                        Locale.ROOT,
                                        "%s reported exploited in the wild, not yet in an authoritative source",
                                        s.label()),
                                String.format(
                                        Locale.ROOT,
                                        "An item about at most %d %s says it is exploited (%s); %d"
                                                + " item(s) in the last 28 days (docs/evaluation.md section 1 measures this rule"
                                                + " against CISA KEV).",
                                        s.kind().equals("technology")
                                                ? SignalRepository.FOCUSED_TECHNOLOGIES
                                                : SignalRepository.FOCUSED_ENTITIES,
                                        s.kind().equals("technology") ? "technologies" : "subjects of its kind",
                                        exploitationWords(s),
                                        s.evidenceCount()))));
            case NOVEL_TERM -> found.addAll(novelTerms(rule, in, since));
            case WATCHLIST -> found.addAll(watchlist(rule, in, since));
            case COLLECTION_GAP -> found.addAll(gaps(rule, in));
            default -> throw new IllegalStateException(rule.type().toString());
        }
        return found;
    }

    private static String exploitationWords(EarlyWarningScore s) {
        return s.explanation().contributions().stream()
                .filter(c -> c.feature().equals("exploitation-share"))
                .map(c -> c.words())
                .findFirst()
                .orElse("exploitation cues in focused items");
    }

    private Stream<EarlyWarningScore> eligible(AlertRule rule, AlertInputs in) {
        return in.scores().stream().filter(s -> rule.appliesTo(s.kind()) && s.evidenceCount() >= rule.evidence());
    }

    private Trigger trigger(AlertRule rule, EarlyWarningScore s, String title, String summary) {
        List<AnnotatedItem> cited = evidence.newest(s, EVIDENCE, Clearance.FULL);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("score", String.format(Locale.ROOT, "%.3f", s.score()));
        facts.put("stage", s.stage().stage());
        facts.put("stageSince", s.stage().since().toString());
        facts.put("priority", s.priority());
        facts.put("evidenceCount", Long.toString(s.evidenceCount()));
        if (s.firstSeen() != null) {
            facts.put("firstSeen", s.firstSeen().toString());
        }
        if (s.authoritativeSince() != null) {
            facts.put("authoritativeSince", s.authoritativeSince().toString());
        }
        facts.put("model", s.modelVersion());
        facts.put("methodology", s.methodologyVersion());
        SignalRepository.Marking mark = counted.mostRestrictive(s, cited);
        return new Trigger(
                rule,
                new Subject(s.kind(), s.series(), s.label()),
                title,
                summary,
                s.score(),
                s.stage().stage(),
                s.priority(),
                SubjectCategory.of(methodology, s.kind(), s.series()),
                mark.tlp(),
                mark.handling(),
                grade(cited),
                ids(cited),
                facts,
                s.asOf());
    }

    private List<Trigger> watchlist(AlertRule rule, AlertInputs in, LocalDate since) {
        List<Trigger> found = new ArrayList<>();
        for (String watched : rule.watch()) {
            boolean series = watched.contains(":")
                    || methodology.taxonomy().find(watched).isPresent();
            if (series) {
                in.scores().stream()
                        .filter(s -> s.series().equalsIgnoreCase(watched) && s.evidenceCount() >= rule.evidence())
                        .forEach(s -> found.add(trigger(
                                rule,
                                s,
                                String.format(
                                        Locale.ROOT,
                                        "Watched %s: %s mentioned in %d item(s)",
                                        kindWords(s.kind()),
                                        s.label(),
                                        s.evidenceCount()),
                                s.explanation().summary())));
            } else {
                Instant to = in.asOf().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant from = since.atStartOfDay().toInstant(ZoneOffset.UTC);
                List<AnnotatedItem> hits = items.containing(watched, from, to, TERM_ITEMS, Clearance.FULL);
                if (hits.size() >= rule.evidence()) {
                    String count = hits.size() == TERM_ITEMS ? TERM_ITEMS + "+" : Integer.toString(hits.size());
                    List<AnnotatedItem> cited = hits.subList(0, Math.min(EVIDENCE, hits.size()));
                    // marked by every item found, not only those cited: the count quotes them all
                    found.add(new Trigger(
                            rule,
                            new Subject("watch-term", watched.toLowerCase(Locale.ROOT), watched),
                            String.format(Locale.ROOT, "Watched term \"%s\" in %s item(s)", watched, count),
                            String.format(
                                    Locale.ROOT,
                                    "\"%s\" appears in %s item(s) from %s to %s.",
                                    watched,
                                    count,
                                    since,
                                    in.asOf()),
                            null,
                            null,
                            null,
                            null,
                            marking(hits),
                            handling(hits),
                            grade(cited),
                            ids(cited),
                            Map.of("items", count, "since", since.toString()),
                            in.asOf()));
                }
            }
        }
        return found;
    }

    /** New candidates first seen within the rule's days, with their newest items (read with full clearance). */
    private List<Trigger> novelTerms(AlertRule rule, AlertInputs in, LocalDate since) {
        List<Trigger> found = new ArrayList<>();
        for (Candidate c : in.candidates()) {
            if (!c.status().equals("NEW")
                    || c.firstSeen().isBefore(since)
                    || c.items() < rule.evidence()
                    || !rule.appliesTo(c.darkWebSourceIds().isEmpty() ? "open" : "dark-web")) {
                continue;
            }
            Instant to = in.asOf().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant from = c.firstSeen().atStartOfDay().toInstant(ZoneOffset.UTC);
            // every item found that mentions it marks the alert, and so does every part its counts were read from
            List<AnnotatedItem> mentioning = items.containing(
                    c.label(),
                    from,
                    to,
                    (int) Math.min(TERM_MARKING_ITEMS, Math.max(EVIDENCE, c.items())),
                    Clearance.FULL);
            List<AnnotatedItem> hits = mentioning.subList(0, Math.min(EVIDENCE, mentioning.size()));
            Tlp foundTlp = marking(mentioning);
            Handling foundHandling = handling(mentioning);
            boolean beyond = counted
                    .ofTerm(
                            c.id(),
                            c.firstSeen().isBefore(in.asOf().minusDays(27))
                                    ? c.firstSeen()
                                    : in.asOf().minusDays(27),
                            in.asOf())
                    .stream()
                    .anyMatch(m -> !m.tlp().isAtMost(foundTlp) || m.restriction() > foundHandling.restriction() + 1e-9);
            // counted in an item the search did not return: marked for the service alone
            Tlp tlp = beyond ? Tlp.RED : foundTlp;
            Handling handling = beyond ? Handling.ALL : foundHandling;
            String why = c.selfNamed()
                    ? "speaks for itself on a dark-web source"
                    : !c.darkWebSourceIds().isEmpty()
                            ? String.format(Locale.ROOT, "%d item(s), from the dark web", c.items())
                            : String.format(Locale.ROOT, "%d item(s) from %d sources", c.items(), c.sources());
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("firstSeen", c.firstSeen().toString());
            facts.put("items", Long.toString(c.items()));
            facts.put("sources", String.join(", ", c.sourceIds()));
            if (!c.darkWebSourceIds().isEmpty()) {
                facts.put("darkWebSources", String.join(", ", c.darkWebSourceIds()));
            }
            facts.put("selfNamed", Boolean.toString(c.selfNamed()));
            facts.put("methodology", methodology.versionId());
            if (!c.aliases().isEmpty()) {
                facts.put("aliases", String.join(", ", c.aliases()));
            }
            found.add(new Trigger(
                    rule,
                    new Subject("novel-term", c.id(), c.label()),
                    String.format(Locale.ROOT, "New name: %s (%s)", c.label(), why),
                    String.format(
                            Locale.ROOT,
                            "\"%s\" was never seen before %s; %d item(s) from %s mention it in the"
                                    + " 28 days to %s. A possible new actor, tool or service: accept it into the lexicon or"
                                    + " reject it (GET /api/v1/candidates).",
                            c.label(),
                            c.firstSeen(),
                            c.items(),
                            String.join(", ", c.sourceIds()),
                            in.asOf()),
                    null,
                    null,
                    null,
                    null,
                    tlp,
                    handling,
                    grade(hits),
                    ids(hits),
                    facts,
                    in.asOf()));
        }
        return found;
    }

    private static List<Trigger> gaps(AlertRule rule, AlertInputs in) {
        List<Trigger> found = new ArrayList<>();
        for (SourceHealth h : in.health()) {
            boolean failing = h.status() == SourceHealth.Status.FAILING
                    && rule.statuses().contains("FAILING")
                    && h.failureStreak() >= rule.failures();
            boolean silent =
                    h.status() == SourceHealth.Status.SILENT && rule.statuses().contains("SILENT");
            if (failing || silent) {
                String title = in.sourceTitles().getOrDefault(h.sourceId(), h.sourceId());
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("status", h.status().name());
                facts.put("failureStreak", Integer.toString(h.failureStreak()));
                if (h.silentFor() != null) {
                    facts.put(
                            "silentFor",
                            Duration.ofSeconds(h.silentFor().toSeconds()).toString());
                }
                found.add(new Trigger(
                        rule,
                        new Subject("source", h.sourceId(), title),
                        String.format(
                                Locale.ROOT,
                                "Collection gap: %s is %s",
                                title,
                                h.status().name().toLowerCase(Locale.ROOT)),
                        h.explanation(),
                        null,
                        null,
                        null,
                        null,
                        Tlp.CLEAR,
                        Handling.NONE,
                        null,
                        List.of(),
                        facts,
                        in.asOf()));
            }
        }
        return found;
    }

    private int rank(String priority) {
        List<Priority> all = methodology.riskMatrix().priorities();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(priority)) {
                return i;
            }
        }
        return all.size();
    }

    private String stageName(String stage) {
        return methodology
                .stages()
                .stage(stage)
                .map(st -> st.name().toLowerCase(Locale.ROOT))
                .orElse(stage);
    }

    private static String kindWords(String kind) {
        return switch (kind) {
            case "technology" -> "technology";
            case "cve" -> "vulnerability";
            case "attack-group" -> "actor";
            case "attack-software" -> "tool";
            case "term" -> "term";
            default -> kind;
        };
    }

    private static Tlp marking(List<AnnotatedItem> cited) {
        return Tlp.mostRestrictive(cited.stream().map(i -> i.item().tlp()).toList());
    }

    private static Handling handling(List<AnnotatedItem> cited) {
        return Handling.mostRestrictive(
                cited.stream().map(i -> i.item().handling()).toList());
    }

    private static @Nullable String grade(List<AnnotatedItem> cited) {
        return cited.stream()
                .map(i -> i.item().grading())
                .min(Comparator.comparing((AdmiraltyGrade g) -> g.source().ordinal())
                        .thenComparing(g -> g.information().code()))
                .map(AdmiraltyGrade::code)
                .orElse(null);
    }

    private static List<String> ids(List<AnnotatedItem> cited) {
        return cited.stream().map(i -> i.item().id().value()).toList();
    }
}
