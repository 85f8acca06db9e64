/**
 * Early warnings against the authoritative record: which alerts named a subject before the record did, and by how
 * many days.
 */
@NullMarked
package org.ewea.alerts.lead;

import org.jspecify.annotations.NullMarked;
