/**
 * The one capture path (parse, normalise, annotate, store, then the {@code ItemsStored} hand-off) and the account
 * of a capture run every importer and replayer keeps.
 */
@NullMarked
package org.ewea.collectors.process;

import org.jspecify.annotations.NullMarked;
