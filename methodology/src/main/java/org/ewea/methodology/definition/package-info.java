/**
 * Loading the method: YAML definition files shipped in the jar, overridden and extended from EWEA_METHODOLOGY_DIR,
 * validated strictly (unknown keys rejected; every error names file, line and reason) and assembled into one
 * versioned {@link org.ewea.methodology.definition.Methodology}.
 */
@NullMarked
package org.ewea.methodology.definition;

import org.jspecify.annotations.NullMarked;
