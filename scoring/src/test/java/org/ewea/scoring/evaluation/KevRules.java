package org.ewea.scoring.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.ewea.scoring.warning.AuthoritativeDates;

/**
 * Section 1's figures, each measured twice (the whole replay, and its last third) from the {@link KevObservations},
 * with the precision/recall frontier of the two models and the one rule chosen on the first two thirds.
 *
 * <p>The choice reads the first two thirds only, and only the labels known on their last day (a CVE that KEV added
 * later counts as not added, as it would have for a deployment choosing that day): among every rule and threshold,
 * the one that warns most CVEs before their dateAdded with precision at least {@value #TARGET_PRECISION} and at most
 * {@value #MAX_PER_WEEK} warnings a week; if none reaches that precision, the most precise one that warned at least
 * {@value #MIN_HITS} (ties: the one warning more).
 */
record KevRules(
        List<KevLeadEvaluation.Result> whole,
        List<KevLeadEvaluation.Result> lastThird,
        List<Frontier> frontier,
        Choice chosen,
        KevLeadEvaluation.Result mention,
        LocalDate split) {

    static final double TARGET_PRECISION = 0.5;
    static final double MAX_PER_WEEK = 10;
    static final int MIN_HITS = 2;
    static final double[] THRESHOLDS = {0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** One rule at one threshold, on the whole replay and on its last third. */
    record Frontier(String model, double threshold, KevLeadEvaluation.Result whole, KevLeadEvaluation.Result last) {}

    /** The rule chosen on the first two thirds, with what it measured there and then. */
    record Choice(
            String rule,
            String id,
            double threshold,
            KevLeadEvaluation.Result choosing,
            KevLeadEvaluation.Result whole,
            KevLeadEvaluation.Result last) {}

    private record Option(String id, double threshold, String label) {}

    static KevRules measure(
            KevObservations seen,
            AuthoritativeDates kev,
            double threshold,
            LocalDate from,
            LocalDate split,
            LocalDate to) {
        LocalDate lastFrom = split.plusDays(1);
        List<Option> rows = new ArrayList<>(List.of(
                new Option(
                        Evaluation.RULE_CASIE,
                        threshold,
                        f(
                                "EW score >= %.1f, CASIE-trained, adjusted to the"
                                        + " replay's base rate (estimated from unlabelled scores)",
                                threshold)),
                new Option(
                        Evaluation.RULE_CASIE_RAW,
                        threshold,
                        f("EW score >= %.1f, CASIE-trained, unadjusted", threshold)),
                new Option(
                        Evaluation.RULE_RETRAINED,
                        threshold,
                        f(
                                "EW score >= %.1f, retrained every %d days on the" + " labels known that day",
                                threshold, Evaluation.RETRAIN_DAYS)),
                new Option(Evaluation.RULE_CUE, 1, "baseline: an item stating exploitation"),
                new Option(Evaluation.RULE_FOCUSED_CUE, 1, "an item about at most 2 CVEs stating exploitation"),
                new Option(Evaluation.RULE_MENTION, 1, "baseline: every mention")));
        List<KevLeadEvaluation.Result> whole = new ArrayList<>();
        List<KevLeadEvaluation.Result> last = new ArrayList<>();
        for (Option o : rows) {
            whole.add(seen.result(o.id(), o.label(), o.threshold(), from, to, kev));
            last.add(seen.result(o.id(), o.label(), o.threshold(), lastFrom, to, kev));
        }
        List<Option> options = new ArrayList<>(rows.subList(3, rows.size()));
        List<Frontier> frontier = new ArrayList<>();
        for (String model : List.of(Evaluation.RULE_RETRAINED, Evaluation.RULE_CASIE_RAW)) {
            for (double t : THRESHOLDS) {
                String label = f(
                        "EW score >= %.2f, %s",
                        t, model.equals(Evaluation.RULE_RETRAINED) ? "retrained weekly" : "CASIE-trained, unadjusted");
                options.add(new Option(model, t, label));
                frontier.add(new Frontier(
                        model,
                        t,
                        seen.result(model, label, t, from, to, kev),
                        seen.result(model, label, t, lastFrom, to, kev)));
            }
        }
        AuthoritativeDates known = kev.knownAt(split);
        Option best = null;
        KevLeadEvaluation.Result bestResult = null;
        for (Option o : options) {
            KevLeadEvaluation.Result r = seen.result(o.id(), o.label(), o.threshold(), from, split, known);
            if (bestResult == null || better(r, bestResult)) {
                best = o;
                bestResult = r;
            }
        }
        Choice chosen = new Choice(
                best.label(),
                best.id(),
                best.threshold(),
                bestResult,
                seen.result(best.id(), best.label(), best.threshold(), from, to, kev),
                seen.result(best.id(), best.label(), best.threshold(), lastFrom, to, kev));
        return new KevRules(whole, last, frontier, chosen, whole.getLast(), split);
    }

    private static boolean better(KevLeadEvaluation.Result a, KevLeadEvaluation.Result b) {
        boolean aMeets = meets(a);
        boolean bMeets = meets(b);
        if (aMeets != bMeets) {
            return aMeets;
        }
        if (aMeets) {
            return a.warnedBeforeAdded() > b.warnedBeforeAdded()
                    || a.warnedBeforeAdded() == b.warnedBeforeAdded() && a.precision() > b.precision();
        }
        boolean aCounts = a.warnedBeforeAdded() >= MIN_HITS;
        boolean bCounts = b.warnedBeforeAdded() >= MIN_HITS;
        if (aCounts != bCounts) {
            return aCounts;
        }
        return Comparator.comparingDouble(KevLeadEvaluation.Result::precision)
                        .thenComparingInt(KevLeadEvaluation.Result::warnedBeforeAdded)
                        .compare(a, b)
                > 0;
    }

    private static boolean meets(KevLeadEvaluation.Result r) {
        return r.precision() >= TARGET_PRECISION && r.perWeek() <= MAX_PER_WEEK && r.warnedBeforeAdded() > 0;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
