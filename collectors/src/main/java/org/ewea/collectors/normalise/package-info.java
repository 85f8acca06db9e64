/**
 * From a feed entry to a harmonised item: plain text, canonical URL, content hash and provenance.
 */
@NullMarked
package org.ewea.collectors.normalise;

import org.jspecify.annotations.NullMarked;
