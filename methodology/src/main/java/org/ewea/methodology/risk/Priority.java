package org.ewea.methodology.risk;

import java.time.Period;

/**
 * A priority band.
 *
 * @param id e.g. {@code P1}
 * @param label e.g. {@code Critical}
 * @param minScore lowest priority score in the band
 * @param review how often an assessment in this band is reviewed
 */
public record Priority(String id, String label, double minScore, Period review) {}
