/**
 * Imports a recorded folder (a mirror of pages or feeds with its manifest) through the capture path, once per
 * capture (the import ledger remembers what was imported).
 */
@NullMarked
package org.ewea.collectors.importer;

import org.jspecify.annotations.NullMarked;
