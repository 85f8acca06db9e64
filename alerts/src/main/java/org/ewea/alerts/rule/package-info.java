/**
 * Alert rules as data: the rules file, its validation against the methodology, and the rule types.
 */
@NullMarked
package org.ewea.alerts.rule;

import org.jspecify.annotations.NullMarked;
