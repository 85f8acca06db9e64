/**
 * The early-warning score: features read from a series' recent signal, a logistic model predicting that the subject
 * becomes an authoritative threat within 90 days, the methodology's stage and risk matrix on top, and the
 * explanation of every score.
 */
@NullMarked
package org.ewea.scoring.warning;

import org.jspecify.annotations.NullMarked;
