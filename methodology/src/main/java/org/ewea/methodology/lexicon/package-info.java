/**
 * The compiled lexicon matcher: tags text with taxonomy ids and offsets, folding case and diacritics and matching inflected and multi-word terms.
 */
@NullMarked
package org.ewea.methodology.lexicon;

import org.jspecify.annotations.NullMarked;
