package org.ewea.scoring.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A versioned early-warning model with what it was trained on and how well it did: the unit the model registry
 * stores, the {@code train} command writes and the service loads.
 *
 * @param id unique, e.g. {@code ew-20260212-42}
 * @param created when it was trained (on the clock of the training run)
 * @param seed the seed of every random choice in training (cross-validation folds)
 * @param trainedFrom first scoring day of the training examples
 * @param trainedTo last scoring day of the training examples
 * @param labelsKnownAt labels used are those known on this day; nothing after it was read
 * @param horizonDays the label: the subject became authoritative within this many days after the scoring day
 * @param labels where the labels came from (e.g. "CISA KEV dateAdded")
 * @param data where the signal came from
 * @param examples training examples
 * @param positives of which positive
 * @param metrics cross-validated metrics (pr-auc, brier, log-loss, base-rate...)
 * @param methodologyVersion the methodology version id the features were computed under
 * @param approved whether the service may load it (the latest approved model is used)
 * @param model the model itself
 */
public record WarningModelFile(
        String id,
        Instant created,
        long seed,
        LocalDate trainedFrom,
        LocalDate trainedTo,
        LocalDate labelsKnownAt,
        int horizonDays,
        String labels,
        String data,
        int examples,
        int positives,
        Map<String, Double> metrics,
        String methodologyVersion,
        boolean approved,
        WarningModel model) {

    public WarningModelFile {
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    public WarningModelFile approve() {
        return new WarningModelFile(
                id,
                created,
                seed,
                trainedFrom,
                trainedTo,
                labelsKnownAt,
                horizonDays,
                labels,
                data,
                examples,
                positives,
                metrics,
                methodologyVersion,
                true,
                model);
    }
}
