package org.ewea.scoring.relevance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Precision, recall and F1 of the positive class at a threshold, and the area under the precision-recall curve
 * (average precision: the mean of the precision at each positive, ranked by score; ties broken conservatively).
 */
public record BinaryMetrics(int positives, int negatives, double precision, double recall, double f1, double prAuc) {

    /** A scored example: its probability and whether it really is positive. */
    public record Scored(double probability, boolean positive) {}

    public static BinaryMetrics of(List<Scored> scored, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int positives = 0;
        for (Scored s : scored) {
            positives += s.positive() ? 1 : 0;
            boolean predicted = s.probability() >= threshold;
            tp += predicted && s.positive() ? 1 : 0;
            fp += predicted && !s.positive() ? 1 : 0;
            fn += !predicted && s.positive() ? 1 : 0;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        List<Scored> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingDouble(Scored::probability)
                .reversed()
                .thenComparing(s -> s.positive())); // among equal scores, negatives first: no optimistic ties
        double sum = 0;
        int seenPositives = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).positive()) {
                seenPositives++;
                sum += (double) seenPositives / (i + 1);
            }
        }
        double prAuc = positives == 0 ? 0 : sum / positives;
        return new BinaryMetrics(positives, scored.size() - positives, precision, recall, f1, prAuc);
    }
}
