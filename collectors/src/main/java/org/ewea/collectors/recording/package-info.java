/**
 * Recordings on disk or in the jar: a folder of captures with a manifest, read in capture-time order.
 */
@NullMarked
package org.ewea.collectors.recording;

import org.jspecify.annotations.NullMarked;
