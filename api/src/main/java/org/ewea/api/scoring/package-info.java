/**
 * Scoring in the service: signal series kept up to date from stored items, and the signals endpoint.
 */
@NullMarked
package org.ewea.api.scoring;

import org.jspecify.annotations.NullMarked;
