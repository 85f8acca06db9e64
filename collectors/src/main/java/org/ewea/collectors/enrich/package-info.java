/**
 * Enrichment of harmonised items: taxonomy tags from the methodology's lexicon, and extracted entities (CVE ids,
 * crypto addresses with their checksums verified, onion addresses, e-mail addresses, ATT&CK actor and tool names).
 */
@NullMarked
package org.ewea.collectors.enrich;

import org.jspecify.annotations.NullMarked;
