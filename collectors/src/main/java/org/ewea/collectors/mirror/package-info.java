/**
 * Recorded mirrors (folders of captured pages or transcripts) read through site profiles: data that says which files
 * to read, where the records are, how to render them and where the date is. Profiles ship in the jar
 * ({@code org/ewea/collectors/profiles/*.yaml}) and are chosen per source.
 */
@NullMarked
package org.ewea.collectors.mirror;

import org.jspecify.annotations.NullMarked;
