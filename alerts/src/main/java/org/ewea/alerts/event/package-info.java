/**
 * Alert events: the numbered log every instance writes to (the outbox) and the change-stream feed that tells every
 * instance about them.
 */
@NullMarked
package org.ewea.alerts.event;

import org.jspecify.annotations.NullMarked;
