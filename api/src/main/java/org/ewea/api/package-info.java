/**
 * The EW/EA service (Spring Boot WebFlux): REST API under /api/v1, server-sent events and the web UI. Uses every
 * other module; no module uses it.
 */
@NullMarked
package org.ewea.api;

import org.jspecify.annotations.NullMarked;
