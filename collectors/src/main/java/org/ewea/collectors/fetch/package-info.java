/**
 * Fetching over HTTP(S) done right: conditional GET, timeouts, a body cap, gzip with a decompression-ratio cap, at
 * most five redirects, per-host politeness, retries with exponential backoff and jitter, optional HTTP or SOCKS proxy,
 * and an SSRF guard that refuses loopback, private and link-local addresses on every hop unless the source is local.
 */
@NullMarked
package org.ewea.collectors.fetch;

import org.jspecify.annotations.NullMarked;
