/**
 * The EW/EA method as data and code, and the domain's common language: the {@link org.ewea.methodology.HarmonisedItem}
 * every collector produces, source grading, and the Traffic Light Protocol. Depends on no other EW/EA module and on no
 * Spring code.
 */
@NullMarked
package org.ewea.methodology;

import org.jspecify.annotations.NullMarked;
