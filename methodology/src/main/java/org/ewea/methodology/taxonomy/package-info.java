/**
 * The taxonomy of criminal technologies and crime enablers: a broader/narrower hierarchy with multilingual labels, crime areas, ATT&CK and MISP references and a default harm profile per entry.
 */
@NullMarked
package org.ewea.methodology.taxonomy;

import org.jspecify.annotations.NullMarked;
