/**
 * The sources API: the source catalogue (create, read, update, delete) and OPML import.
 */
@NullMarked
package org.ewea.api.sources;

import org.jspecify.annotations.NullMarked;
