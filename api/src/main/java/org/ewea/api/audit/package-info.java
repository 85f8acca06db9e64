/** The audit trail: an append-only, hash-chained record of who read, searched, exported or changed what. */
@NullMarked
package org.ewea.api.audit;

import org.jspecify.annotations.NullMarked;
