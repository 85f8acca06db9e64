/**
 * Near-duplicate detection: 64-bit SimHash fingerprints of item text, and a band index in MongoDB to find
 * fingerprints within a few bits of each other without scanning.
 */
@NullMarked
package org.ewea.collectors.dedup;

import org.jspecify.annotations.NullMarked;
