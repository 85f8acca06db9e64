/**
 * Configuration bound from EWEA_* environment variables, and the service's clock.
 */
@NullMarked
package org.ewea.api.config;

import org.jspecify.annotations.NullMarked;
