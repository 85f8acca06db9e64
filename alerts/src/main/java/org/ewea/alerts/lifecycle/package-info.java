/**
 * Changes to alerts: raising and updating them from triggers (grouping, cooldown) and analysts' lifecycle moves and
 * feedback, each stored with its event in the event log.
 */
@NullMarked
package org.ewea.alerts.lifecycle;

import org.jspecify.annotations.NullMarked;
