/**
 * Exports of alerts: STIX 2.1 bundles with TLP 2.0 marking definitions, and MISP event JSON.
 */
@NullMarked
package org.ewea.alerts.export;

import org.jspecify.annotations.NullMarked;
