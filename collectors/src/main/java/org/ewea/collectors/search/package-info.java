/**
 * Full-text search over items: an embedded Apache Lucene index with per-language analyzers and the lexicon's
 * synonyms, facets, kept in step with the store and rebuildable from it.
 */
@NullMarked
package org.ewea.collectors.search;

import org.jspecify.annotations.NullMarked;
