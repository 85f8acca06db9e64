package org.ewea.scoring.warning;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A scored subject (a taxonomy technology or a tracked entity) on a day, with why.
 *
 * @param series the signal series id ({@code voice-cloning}, {@code cve:CVE-2026-1234})
 * @param kind {@code technology}, or the entity type ({@code cve}, {@code attack-group}, {@code attack-software})
 * @param label the technology's name, or the entity's value
 * @param score calibrated probability that it becomes an authoritative threat within the model's horizon; 1 when it
 *     already is one
 * @param authoritativeSince the day an authoritative source (e.g. CISA KEV) first reported it, if one has
 * @param stage the methodology stage with its reason
 * @param priority the risk matrix's priority id (P1..P4)
 * @param priorityLabel its label
 * @param riskScore the risk matrix's priority score
 * @param explanation the score's reasons in numbers and words
 * @param evidenceCount items mentioning it in the last 28 days
 * @param firstSeen its first mention in the history read (the 26 weeks and 8 weeks before {@code asOf})
 * @param asOf the day scored (signals up to and including it)
 * @param methodologyVersion the methodology version id in force
 * @param modelVersion the model file's id
 */
public record EarlyWarningScore(
        String series,
        String kind,
        String label,
        double score,
        @Nullable LocalDate authoritativeSince,
        StageReading stage,
        String priority,
        String priorityLabel,
        double riskScore,
        Explanation explanation,
        long evidenceCount,
        @Nullable LocalDate firstSeen,
        LocalDate asOf,
        String methodologyVersion,
        String modelVersion) {

    /**
     * @param summary one sentence
     * @param modelScore the model's probability (equal to the score unless the subject is already authoritative)
     * @param baseLogOdds the model's log-odds at the training means
     * @param features every feature's value
     * @param contributions the largest feature terms, each with its value in words
     * @param likelihood the risk matrix likelihood (1-5) used and how it was derived
     * @param risk the risk matrix's rationale
     */
    public record Explanation(
            String summary,
            double modelScore,
            double baseLogOdds,
            Map<String, Double> features,
            List<Term> contributions,
            String likelihood,
            String risk) {

        public Explanation {
            features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
            contributions = List.copyOf(contributions);
        }
    }

    /**
     * @param feature the feature name
     * @param value its value
     * @param trainingMean its mean over the training examples: the term is zero there
     * @param logOdds its term of the log-odds (positive raises the score)
     * @param words what the value means
     */
    public record Term(String feature, double value, double trainingMean, double logOdds, String words) {}

    /** The indicator values that decided the stage. */
    public Map<String, Double> indicators() {
        return stage.indicators();
    }
}
