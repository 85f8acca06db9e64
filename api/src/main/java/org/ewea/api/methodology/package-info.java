/**
 * The methodology API: the EW/EA method in force (taxonomy, playbooks, grading schemes, stages, risk matrix) and its
 * version id.
 */
@NullMarked
package org.ewea.api.methodology;

import org.jspecify.annotations.NullMarked;
