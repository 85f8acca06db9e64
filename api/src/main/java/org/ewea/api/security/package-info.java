/**
 * Who may call the API: users with roles and a TLP clearance, API tokens (hashed at rest, revocable), the first
 * admin created at first start, and the Spring Security filter chain that enforces it.
 */
@NullMarked
package org.ewea.api.security;

import org.jspecify.annotations.NullMarked;
