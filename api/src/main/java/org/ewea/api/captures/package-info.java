/**
 * The captures API: the raw bytes behind every item, for chain of custody.
 */
@NullMarked
package org.ewea.api.captures;

import org.jspecify.annotations.NullMarked;
