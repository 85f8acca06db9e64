/**
 * The authoritative record for taxonomy technologies: when law-enforcement and government bodies first warned of each
 * ({@code authority-warnings.yaml}).
 */
@NullMarked
package org.ewea.methodology.authority;

import org.jspecify.annotations.NullMarked;
