package org.ewea.scoring.relevance;

import smile.util.SparseArray;

/**
 * A training or evaluation example.
 *
 * @param features the item's feature vector
 * @param relevant true for threat-relevant (positive) items
 */
public record LabelledExample(SparseArray features, boolean relevant) {}
