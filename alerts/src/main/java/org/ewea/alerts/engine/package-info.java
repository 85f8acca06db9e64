/**
 * The rule engine: evaluates the rules in force against the day's scores and the sources' health, raises alerts
 * and plans their early actions.
 */
@NullMarked
package org.ewea.alerts.engine;

import org.jspecify.annotations.NullMarked;
