/**
 * What was captured: the raw bytes of one fetch or recorded page with its source, origin and capture time.
 */
@NullMarked
package org.ewea.collectors.capture;

import org.jspecify.annotations.NullMarked;
