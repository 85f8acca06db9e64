/**
 * Replay of recordings (WARC files) in capture-time order against a simulated clock, through the same capture path as
 * live harvest, with every record accounted for.
 */
@NullMarked
package org.ewea.collectors.replay;

import org.jspecify.annotations.NullMarked;
