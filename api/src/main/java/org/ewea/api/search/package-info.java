/**
 * The item search index's wiring: where it lives and how it is kept in step with the store.
 */
@NullMarked
package org.ewea.api.search;

import org.jspecify.annotations.NullMarked;
