/**
 * Scoring: item threat relevance, per-technology signal series and early-warning scores with their explanations.
 * May use methodology and collectors; used by alerts and api.
 */
@NullMarked
package org.ewea.scoring;

import org.jspecify.annotations.NullMarked;
