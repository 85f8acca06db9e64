/**
 * Item threat relevance: features of an item's text (hashed word and character n-grams, taxonomy tags, entities)
 * and a model over them, with stratified cross-validation to measure it.
 */
@NullMarked
package org.ewea.scoring.relevance;

import org.jspecify.annotations.NullMarked;
