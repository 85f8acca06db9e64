/**
 * Scheduled harvesting: Quartz fires each enabled source by its cron expression, and a ShedLock lock in MongoDB
 * makes a source run on one instance at a time, whether scheduled or asked for.
 */
@NullMarked
package org.ewea.collectors.schedule;

import org.jspecify.annotations.NullMarked;
