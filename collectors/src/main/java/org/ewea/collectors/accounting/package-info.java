/**
 * Accounting of imports: every input record ends as stored, merged into an existing item, or rejected with a
 * reason, and the three counts add up to the input.
 */
@NullMarked
package org.ewea.collectors.accounting;

import org.jspecify.annotations.NullMarked;
