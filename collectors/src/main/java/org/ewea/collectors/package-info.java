/**
 * Collectors: harvest of feeds, web pages and recorded mirrors into harmonised items, deduplicated and with
 * provenance. The top level is the module's public surface; the sub-packages hold the parts. May use methodology only.
 */
@NullMarked
package org.ewea.collectors;

import org.jspecify.annotations.NullMarked;
