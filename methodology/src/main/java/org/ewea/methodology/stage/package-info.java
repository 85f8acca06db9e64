/**
 * Stages of an emerging threat (weak signal, emerging, established, declining), their named indicators and the transition rules between them.
 */
@NullMarked
package org.ewea.methodology.stage;

import org.jspecify.annotations.NullMarked;
