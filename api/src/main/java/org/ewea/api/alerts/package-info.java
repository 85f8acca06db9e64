/**
 * The alerts API: inbox, lifecycle, feedback, live stream, rules and early-action recommendations, and the wiring of
 * the alerts module (rule engine schedule, change-stream feed).
 */
@NullMarked
package org.ewea.api.alerts;

import org.jspecify.annotations.NullMarked;
