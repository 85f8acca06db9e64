/**
 * Alerts and early action: rules, alert lifecycle, recommendations from the methodology playbooks, digests and
 * exports under TLP. May use methodology, collectors and scoring; used only by api.
 */
@NullMarked
package org.ewea.alerts;

import org.jspecify.annotations.NullMarked;
