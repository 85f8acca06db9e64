/**
 * Web conventions shared by every endpoint: page shape and RFC 9457 problem details.
 */
@NullMarked
package org.ewea.api.web;

import org.jspecify.annotations.NullMarked;
