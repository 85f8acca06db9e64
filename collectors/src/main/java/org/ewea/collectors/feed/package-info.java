/**
 * RSS, Atom and RDF feeds parsed with ROME into entries; DOCTYPEs (and so entity-expansion bombs) are refused.
 */
@NullMarked
package org.ewea.collectors.feed;

import org.jspecify.annotations.NullMarked;
