/**
 * Digests: weekly and on-demand analyst digests, policy briefs and trainer packs, archived as data and rendered per
 * reader (HTML and PDF, server-side charts) with only what the reader is cleared for.
 */
@NullMarked
package org.ewea.alerts.digest;

import org.jspecify.annotations.NullMarked;
