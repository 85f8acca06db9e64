/**
 * Source and information grading schemes (Admiralty/NATO, UK 3x5x2, Europol) as data, with parsing, validation and a documented mapping between schemes.
 */
@NullMarked
package org.ewea.methodology.grading;

import org.jspecify.annotations.NullMarked;
