/**
 * Signal series: for every taxonomy technology, daily mentions, grade-weighted volume and distinct sources, kept up
 * to date incrementally as items are stored (never recomputed from scratch), and read back as daily series.
 */
@NullMarked
package org.ewea.scoring.signal;

import org.jspecify.annotations.NullMarked;
