/**
 * Harvesting a source: fetch, parse, normalise and store, recording every run with its outcome and accounting, and
 * keeping per-source state (validators for conditional GET) and health (last success, failure streak, items/day
 * baseline, "went silent").
 */
@NullMarked
package org.ewea.collectors.harvest;

import org.jspecify.annotations.NullMarked;
