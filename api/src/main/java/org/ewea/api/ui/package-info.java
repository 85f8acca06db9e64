/**
 * The analysts' web UI: server-rendered pages (Thymeleaf, htmx from a WebJar) behind form login, reading the same
 * services as the API, with every read path cleared by the user's TLP.
 */
@NullMarked
package org.ewea.api.ui;

import org.jspecify.annotations.NullMarked;
