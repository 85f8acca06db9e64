package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ewea.methodology.Clearance;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.risk.RiskAssessment;
import org.ewea.scoring.signal.BurstDetector;
import org.ewea.scoring.signal.SignalPoint;
import org.ewea.scoring.signal.SignalRepository;
import org.ewea.scoring.terms.TermRepository;
import org.ewea.scoring.terms.TrackedTerms;
import org.jspecify.annotations.Nullable;

/**
 * Scores the names the novel-name rule warned of, as subjects of their own ({@code term:<key>}, kind {@code term}):
 * <ul>
 *   <li>the score is the rate at which the part of the rule that warned of the name was right where it was measured
 *       ({@link NameWarningRates}; the rule's best-measured part when its own was never measurable, saying so), or 1
 *       once the authoritative record lists the name; never the CVE model, which was fitted on CVE series of news;
 *       a name no measured rate covers is not scored;</li>
 *   <li>the stage is read by the methodology's stage rules from the name's own days (the novel-term counts: items
 *       and sources per day), as for any series;</li>
 *   <li>the priority comes from the risk matrix with the harm of {@code crime-as-a-service}, the likelihood of the
 *       score's band and the stage's floor, as the {@link EarlyWarningScorer} sets them, so score, stage and priority
 *       never disagree.</li>
 * </ul>
 * All calls block (they read the term counts and the all-items series).
 */
public final class NameScorer {

    /**
     * A name the rules warned of.
     *
     * @param term its key in the term counts
     * @param label its written form
     * @param warnedOn the day the rule warned of it
     * @param rule the part of the rule that did ({@link NameWarningRates#DARK_WEB} or
     *     {@link NameWarningRates#OPEN_SOURCE})
     * @param darkWebSources the dark-web sources among those that mentioned it
     * @param authoritativeSince the day the record listed it, if it has by the day scored
     * @param authority the record's entry in words ({@code MITRE ATT&CK S0575 Conti}), with the day
     */
    public record WarnedName(
            String term,
            String label,
            LocalDate warnedOn,
            String rule,
            Set<String> darkWebSources,
            @Nullable LocalDate authoritativeSince,
            @Nullable String authority) {

        public WarnedName {
            darkWebSources = Set.copyOf(darkWebSources);
        }
    }

    /** The explanation's one term: the rate of the part of the rule that warned. */
    public static final String RULE_FEATURE = "rule-hit-rate";

    private static final int POSITION = 2;

    private final TermRepository terms;
    private final SignalRepository signals;
    private final Methodology methodology;
    private final StageTracker stages;
    private final NameWarningRates rates;

    public NameScorer(
            TermRepository terms,
            SignalRepository signals,
            Methodology methodology,
            BurstDetector bursts,
            NameWarningRates rates) {
        this(terms, signals, methodology, new StageTracker(methodology.stages(), bursts), rates);
    }

    private NameScorer(
            TermRepository terms,
            SignalRepository signals,
            Methodology methodology,
            StageTracker stages,
            NameWarningRates rates) {
        this.terms = terms;
        this.signals = signals;
        this.methodology = methodology;
        this.stages = stages;
        this.rates = rates;
    }

    /** The scores as a reader may see them: counts and sources from the items they may read only. */
    public NameScorer readBy(Clearance reader) {
        return new NameScorer(terms.readBy(reader), signals.readBy(reader), methodology, stages, rates);
    }

    public NameWarningRates rates() {
        return rates;
    }

    /** The names scored on {@code asOf}, best first (names warned after the day are left out). */
    public List<EarlyWarningScore> score(LocalDate asOf, List<WarnedName> names) {
        LocalDate from = asOf.minusWeeks(StageTracker.WEEKS).minusDays(SeriesWindow.DAYS);
        List<SignalPoint> all = null;
        List<EarlyWarningScore> scores = new ArrayList<>();
        for (WarnedName name : names) {
            if (name.warnedOn().isAfter(asOf)) {
                continue;
            }
            if (all == null) {
                all = signals.daily(SignalRepository.ALL_ITEMS, from, asOf);
            }
            if (rates.forScoring(name.rule()).isEmpty()) {
                continue; // no part of the rule was ever measured: no score to give
            }
            scores.add(score(asOf, name, terms.daily(name.term(), from, asOf, name.darkWebSources()), all));
        }
        scores.sort(Comparator.comparingDouble(EarlyWarningScore::score)
                .reversed()
                .thenComparing(
                        Comparator.comparingDouble(EarlyWarningScore::riskScore).reversed())
                .thenComparing(EarlyWarningScore::series));
        return scores;
    }

    private EarlyWarningScore score(LocalDate asOf, WarnedName name, List<SignalPoint> points, List<SignalPoint> all) {
        String series = TrackedTerms.series(name.term());
        NameWarningRates.Rate rate = rates.forScoring(name.rule()).orElseThrow();
        LocalDate authoritative =
                name.authoritativeSince() != null && !name.authoritativeSince().isAfter(asOf)
                        ? name.authoritativeSince()
                        : null;
        double ruleRate = rate.probability();
        double probability = authoritative == null ? ruleRate : 1.0;
        SeriesWindow w = new SeriesWindow(series, asOf, points, all, null);
        StageReading read = stages.read(series, asOf, points, all);
        // a name the record lists is a known threat: never a weak signal, whatever the collection read
        StageReading stage = authoritative == null
                        || !read.stage().equals(stages.model().initial().id())
                ? read
                : new StageReading(
                        "established",
                        authoritative,
                        rates.record() + " lists it (" + name.authority()
                                + ", since " + authoritative + "): a known threat, not a weak signal, although the"
                                + " collection has read it as one since " + read.since(),
                        read.indicators());
        int likelihood = authoritative == null
                ? EarlyWarningScorer.likelihood(probability, stage.stage())
                : Math.max(4, EarlyWarningScorer.likelihood(probability, stage.stage()));
        int sources = w.sources(28);
        String confidence = sources >= 5 ? "high" : sources >= 2 ? "medium" : "low";
        RiskAssessment risk = methodology
                .riskMatrix()
                .assess(SubjectHarm.of(methodology, "term", series), likelihood, POSITION, confidence);
        String rule = name.rule().equals(NameWarningRates.DARK_WEB)
                ? "the novel-name rule's dark-web part"
                : "the novel-name rule's open-source part";
        String rateWords = rate.rule().equals(name.rule())
                ? rate.words(rates.record())
                : String.format(
                        Locale.ROOT,
                        "its own part has no measured rate (none of its warnings came while the"
                                + " record could still list them), so the rule's best-measured part stands in: %s",
                        rate.words(rates.record()));
        String summary = authoritative != null
                ? String.format(
                        Locale.ROOT,
                        "%s: a known threat, %s lists it since %s (%s); warned of on %s by %s," + " %d days before",
                        name.label(),
                        rates.record(),
                        authoritative,
                        name.authority(),
                        name.warnedOn(),
                        rule,
                        ChronoUnit.DAYS.between(name.warnedOn(), authoritative))
                : String.format(
                        Locale.ROOT,
                        "%s: a name %s warned of on %s; %.0f%% chance that %s lists it: %s",
                        name.label(),
                        rule,
                        name.warnedOn(),
                        100 * probability,
                        rates.record(),
                        rateWords);
        Map<String, Double> facts = new LinkedHashMap<>();
        facts.put(RULE_FEATURE, ruleRate);
        facts.put("rule-warned", (double) rate.measurable());
        facts.put("rule-confirmed", (double) rate.confirmed());
        facts.put("items-28d", (double) w.count(28));
        facts.put("sources-28d", (double) sources);
        facts.put("days-since-warning", (double) ChronoUnit.DAYS.between(name.warnedOn(), asOf));
        List<EarlyWarningScore.Term> terms =
                List.of(new EarlyWarningScore.Term(RULE_FEATURE, ruleRate, ruleRate, 0, rateWords));
        String likelihoodWords = String.format(
                Locale.ROOT,
                "%d: the rule's rate %.2f, stage %s%s",
                likelihood,
                ruleRate,
                stage.stage(),
                authoritative == null ? "" : ", authoritative floor 4");
        LocalDate firstSeen = points.stream()
                .map(SignalPoint::day)
                .min(Comparator.naturalOrder())
                .orElse(name.warnedOn());
        return new EarlyWarningScore(
                series,
                "term",
                name.label(),
                probability,
                authoritative,
                stage,
                risk.priority().id(),
                risk.priority().label(),
                risk.score(),
                new EarlyWarningScore.Explanation(
                        summary,
                        ruleRate,
                        Math.log(ruleRate / (1 - ruleRate)),
                        facts,
                        terms,
                        likelihoodWords,
                        risk.rationale()),
                w.count(28),
                firstSeen,
                asOf,
                methodology.versionId(),
                rates.id());
    }
}
