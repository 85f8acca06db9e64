package org.ewea.collectors.fetch;

/** Why a fetch (or the harvest run around it) failed. */
public enum FailureReason {
    /** The server answered with an error status. */
    HTTP_STATUS,
    /** No connection or no answer in time. */
    TIMEOUT,
    /** The body is larger than the limit. */
    TOO_LARGE,
    /** The compressed body expands beyond the allowed ratio or size. */
    DECOMPRESSION_BOMB,
    /** The target resolves to an address the SSRF guard forbids. */
    REFUSED,
    /** Too many redirects, or a redirect loop. */
    TOO_MANY_REDIRECTS,
    /** The connection failed (DNS, refused, reset, TLS). */
    CONNECTION,
    /** The body could not be parsed as what the source is. */
    PARSE_ERROR,
    /** Processing what was fetched failed unexpectedly (the run is recorded with the error; nothing is lost). */
    PROCESSING
}
