/**
 * The risk matrix (inspired by MoRiLE): harm dimensions, likelihood, confidence and organisational position to a priority with a rationale.
 */
@NullMarked
package org.ewea.methodology.risk;

import org.jspecify.annotations.NullMarked;
