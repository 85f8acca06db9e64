/**
 * The items API: harmonised items, newest first.
 */
@NullMarked
package org.ewea.api.items;

import org.jspecify.annotations.NullMarked;
