/**
 * The source catalogue: what is collected, from where, how often, and how it is graded and marked. Sources are
 * validated field by field, kept in the {@code sources} collection, and imported in bulk from OPML.
 */
@NullMarked
package org.ewea.collectors.source;

import org.jspecify.annotations.NullMarked;
