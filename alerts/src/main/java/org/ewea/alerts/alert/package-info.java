/**
 * Alerts: one per development (rule and subject), raised and updated by triggers, moved through a guarded lifecycle
 * by analysts, stored with optimistic locking.
 */
@NullMarked
package org.ewea.alerts.alert;

import org.jspecify.annotations.NullMarked;
