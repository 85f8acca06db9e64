/**
 * Novel-term discovery: names that the lexicon does not know (new groups, tools, services), counted per day, and
 * the candidates among them that appear suddenly across several sources, for analysts to accept or reject.
 */
@NullMarked
package org.ewea.scoring.terms;

import org.jspecify.annotations.NullMarked;
