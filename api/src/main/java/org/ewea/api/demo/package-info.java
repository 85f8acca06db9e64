/**
 * Loads the bundled demo recording on start.
 */
@NullMarked
package org.ewea.api.demo;

import org.jspecify.annotations.NullMarked;
