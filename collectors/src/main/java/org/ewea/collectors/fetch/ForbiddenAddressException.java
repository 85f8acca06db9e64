package org.ewea.collectors.fetch;

import java.net.UnknownHostException;

/** A host resolved to an address the SSRF guard forbids. An UnknownHostException so the client stops at once. */
final class ForbiddenAddressException extends UnknownHostException {

    ForbiddenAddressException(String host, String address) {
        super(host + " resolves to " + address + ", a loopback, private or link-local address: refused (mark the"
                + " source local to allow it)");
    }
}
